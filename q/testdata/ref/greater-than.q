/ from docs/ref/greater-than.md (KxSystems/docs)
q)(3;"a")>(2 3 4;"abc")
100b
000b
q)(3;"a")>=(2 3 4;"abc")
110b
100b
q)0 1 >/:\: 0 1
00b
10b
q)0 1 >=/:\: 0 1
10b
11b
q)(10;20 30)>(50 -20;5)
01b
11b
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)d>=5
a| 100b
b| 010b
q)t>5
a b
---
1 0
0 0
0 0
q)k>5
k  | a b
---| ---
abc| 1 0
def| 0 0
ghi| 0 0
