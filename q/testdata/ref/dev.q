/ from docs/ref/dev.md (KxSystems/docs)
q)dev 10 343 232 55
134.3484
q)2 mdev 1 2 3 5 7 10
0 0.5 0.5 1 1 1.5
q)5 mdev 1 2 3 5 7 10
0 0.5 0.8164966 1.47902 2.154066 2.87054
q)5 mdev 0N 2 0N 5 7 0N
0n 0 0 1.5 2.054805 2.054805
q)kt:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)2 mdev d
a| 0 0 0
b| 3 8 1.5
q)2 mdev t
a   b
-------
0   0
5.5 0.5
9   0.5
q)2 mdev kt
k  | a   b
---| -------
abc| 0   0
def| 5.5 0.5
ghi| 9   0.5
q)sdev 10 343 232 55
155.1322
