/ from docs/ref/cut.md (KxSystems/docs)
q)2 4 9 _ til 10
2 3
4 5 6 7 8
,9
q)2 4 4 9 _ til 10
2 3
`long$()
4 5 6 7 8
,9
q)t:([]a:til 5;b:`a`b`c`d`e)
q)ts:0 3 _ t
q)ts 0
a b
---
0 a
1 b
2 c
q)ts 1
a b
---
3 d
4 e
q)0 4 5 _ til 7
0 1 2 3
,4
5 6
q)4 cut til 10
0 1 2 3
4 5 6 7
8 9
