/ from docs/ref/raze.md (KxSystems/docs)
q)raze (1 2;3 4 5)
1 2 3 4 5
q)b:(1 2;(3 4;5 6);7;8)
q)raze b
1
2
3 4
5 6
7
8
q)raze/[b]
1 2 3 4 5 6 7 8
q)raze 42
,42
q)d:`q`w`e!(1 2;3 4;5 6)
q)value d
1 2
3 4
5 6
q)raze d
1 2 3 4 5 6
q)d:`a`b!(1 2;3 5)
q)10,d
'type
q)raze (10;d)
'type
