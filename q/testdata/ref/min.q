/ from docs/ref/min.md (KxSystems/docs)
q)min 2 5 7 1 3
1
q)min "genie"
"e"
q)min 0N 5 0N 1 3
1
q)min 0N 0N
0W
q)mins 2 5 7 1 3
2 2 2 1 1
q)mins "genie"
"geeee"
q)mins 0N 5 0N 1 3
0W 5 5 1 1
q)3 mmin 0N -3 -2 1 -0W 0
0N 0N 0N -3 -0W -0W
q)3 mmin 0N -3 -2 1 0N -0W
0N 0N 0N -3 0N 0N
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)min d
4 5 3
q)min t
a| 3
b| 4
q)min k
a| 3
b| 4
q)mins t
a  b
----
10 4
10 4
3  4
q)2 mmin k
k  | a  b
---| ----
abc| 10 4
def| 10 4
ghi| 3  5
q)min (1 2;0N 4)
0N 2
