/ each, each-both, each-left, each-right, each-prior, over and scan
q){x*x}'[1 2 3]
1 4 9
q)1 2 3 {x+y}'10 20 30
11 22 33
q)1 2 {x+y}'10 20 30
'length
q)count each (1 2;3 4 5;`a)
2 3 1
q)1 2 {x,y}\: 10
1 10
2 10
q)1 2 {x,y}/: 10 20
1 2 10
1 2 20
q)+/[1 2 3]
6
q)+/ 1 2 3
6
q)10 +/ 1 2 3
16
q)+\ 1 2 3
1 3 6
q)10 +\ 1 2 3
11 13 16
q){x+y}/[1 2 3 4]
10
q){x,y}/[(1 2;3;4 5)]
1 2 3 4 5
q){x*y}\[1 2 3 4]
1 2 6 24
q)3 {x*2}/ 1
8
q)3 {x*2}\ 1
1 2 4 8
q){x<100} {x*2}/ 1
128
q){x<10} {x+3}\ 1
1 4 7 10
q){x div 2}/[100]
0
q){x div 2}\[100]
100 50 25 12 6 3 1 0
q)(-':)1 4 9 16
1 3 5 7
q)10 -': 11 13 16
1 2 3
q){x+2*y}':[2 3 4]
0N 7 10
q){x+y} over 1 2 3
6
q){x+y} scan 1 2 3
1 3 6
q)(-) prior 1 4 9
1 3 5
q){x} each 1 2
1 2
q)f:{x+y+z}
q)f/[0;1 2;10 20]
33
q)(count')`a`b!(1 2 3;4 5)
a| 3
b| 2
q){x+1}'[`a`b!1 2]
a| 2
b| 3
q)({`a`b!(x;x*2)}') 1 2
a b
---
1 2
2 4
q)/ lists and dictionaries as finite-state machines
q)m:(0 1 2;1 2 0;2 0 1)
q)0 m\1 2 1
1 0 1
q)m/[1 2 1]
1
q)(1 2 0 3)\0
0 1 2
q)2 (`a`b`c!`b`c`a)\`a
`a`b`c
q)a:10f;b:1 2 3f;a b\4 5 6f
14 33 105f
q)type (2 3#til 6)/[0#0]
0h
q)(,\)1 2
,1
1 2
q)0 1'[`a`b!"xy";`b`a!"pq"]
'domain
q)a:\[+][til 5]
q)a
0 1 3 6 10
q)b:/[+][1000;til 5]
q)b
1010
q)(sum;dev;var)[1;til 5]
1.414214
q)deltas[10;1 4 9]
-9 3 5
q)-':[10;1 4 9]
-9 3 5
