/ indexing, assignment at an index, amend and apply
q)x:10 20 30
q)x[1]
20
q)x 0 2
10 30
q)x[1]:99
q)x
10 99 30
q)x[0 2]:1 2
q)x
1 99 2
q)x[1]+:1
q)x
1 100 2
q)x,:4
q)x
1 100 2 4
q)@[1 2 3;1;neg]
1 -2 3
q)@[1 2 3;0 2;+;10]
11 2 13
q)@[1 2 3;1;:;`a]
'type
q)@[(1;`b;3);1;:;`a]
1
`a
3
q)s:(1;2f;3)
q)s[1]:4
q)s
1 4 3
q).[(1 2;3 4);0 1;+;100]
1 102
3 4  
q)m:(1 2 3;4 5 6)
q)m[1;2]
6
q)m[;0]
1 4
q)d:`a`b!1 2
q)d[`c]:3
q)d
a| 1
b| 2
c| 3
q)d[`a]+:10
q)d`a
11
q)y:1 2 3
q)@[`y;0;:;100]
`y
q)y
100 2 3
q){x+y} . (1;2)
3
q)(+) . 1 2
3
q)neg @ 1
-1
q)til[3]
0 1 2
q)d:`a`b!1 2
q)d[`a]:`x
'type
q)d[`c]:1.5
'type
q)d[`c]:3
q)d
a| 1
b| 2
c| 3
q)e:`a`b!(1;`x)
q)e[`a]:`y
q)e
a| `y
b| `x
q)d:`a`b!1 2
q)d[`a`c`c`b]:10 20 30 40
q)d
a| 10
b| 40
c| 30
q)e:(1 2;3 4)!5 6
q)e[(1 2;9 9)]:7 8
q)e
1 2| 7
3 4| 6
9 9| 8
q)t:([]a:til 5;b:5#`x)
q)t[2;`a]:99
q).[t;(0;`b);:;`y]
a  b
----
0  y
1  x
99 x
3  x
4  x
q)@[t;1;:;`a`b!(7;`z)]
a  b
----
0  x
7  z
99 x
3  x
4  x
q)@[t;1 2;:;([]a:7 8;b:`p`q)]
a b
---
0 x
7 p
8 q
3 x
4 x
q)t[3]:`a`b!(0;`w)
q)t
a  b
----
0  x
1  x
99 x
0  w
4  x
q)@[t;0;:;`b`a!(1;`q)]
'mismatch: column b is not a
q)@[t;0;:;1]
'type: the rows amended are not rows of the table
q)@[t;9;:;`a`b!(7;`z)]
'index
q)@[t;1.5;:;1]
'nyi: amending a table at float (a row index or a column name)
