/ from docs/ref/prd.md (KxSystems/docs)
q)prd 7
7
q)prd 2 3 5 7
210
q)prd 2 3 0N 7
42
q)prd (1 2 3 4;2 3 5 7)
2 6 15 28
q)prd 101b
0i
q)prd "abc"
'type
q)prds 7
7
q)prds 2 3 5 7
2 6 30 210
q)prds 2 3 0N 7
2 6 6 42
q)prds "abc"
'type
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)d
a| 10 21 3
b| 4  5  6
q)t
a  b
----
10 4
21 5
3  6
q)k
k  | a  b
---| ----
abc| 10 4
def| 21 5
ghi| 3  6
q)prd d
40 105 18
q)prds d
a| 10 21  3
b| 40 105 18
q)prd t
a| 630
b| 120
q)prds t
a   b
-------
10  4
210 20
630 120
q)prd k
a| 630
b| 120
q)prds k
k  | a   b
---| -------
abc| 10  4
def| 210 20
ghi| 630 120
