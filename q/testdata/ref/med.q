/ from docs/ref/med.md (KxSystems/docs)
q)med 10 34 23 123 5 56
28.5
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)med d
7 -8 -1.5
q)med t
a| 3
b| 4
q)med k
a| 3
b| 4
