/ from docs/ref/sum.md (KxSystems/docs)
q)sum 7
7
q)sum 2 3 5 7
17
q)sum 2 3 0N 7
12
q)sum `a`b`c!1 2 3
6
q)sum "abc"
'type
q)sum (0n 8;8 0n)
0n 0n
q)sum 0n 8
8f
q)sum each flip(0n 8;8 0n)
8 8f
q)sums 7
7
q)sums 2 3 5 7
2 5 10 17
q)sums 2 3 0N 7
2 5 5 12
q)sums "abc"
'type
q)3 msum 1 2 3 5 7 11
1 3 6 10 15 23
q)3 msum 0N 2 3 5 0N 11
0 2 5 10 8 16
q)2 3 4 wsum 1 2 4
24f
q)2 wsum 1 2 4
14
q)(1 2;3 4) wsum (500 400;300 200)
1400 1600
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)sum d
14 26 9
q)sum t
a| 34
b| 15
q)sum k
a| 34
b| 15
q)sums d
a| 10 21 3
b| 14 26 9
q)2 msum t
a  b
-----
10 4
31 9
24 11
q)1 2 wsum d
18 31 15
q)sum (1 2;0N 4)
0N 6
