/ from docs/ref/ratios.md (KxSystems/docs)
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)ratios d
a| 10  21        3
b| 0.4 0.2380952 2
q)ratios t
a         b
--------------
10        4
2.1       1.25
0.1428571 1.2
q)ratios k
k  | a         b
---| --------------
abc| 10        4
def| 2.1       1.25
ghi| 0.1428571 1.2
q)ratios 2000 2005 2007 2012 2020
2000 1.0025 1.000998 1.002491 1.003976
q)ratios0:{first[x]%':x}
q)ratios0 2000 2005 2007 2012 2020
1 1.0025 1.000998 1.002491 1.003976
