/ from docs/ref/cols.md (KxSystems/docs)
q)t:([]a:3 4 5; b:6 7 8; c:`z`u`i)
q)`d`e xcol t
d e c
-----
3 6 z
4 7 u
5 8 i
q)([a:`A;c:`C]) xcol t
A b C
-----
3 6 z
4 7 u
5 8 i
q)([q:`r]) xcol t
'length
q)t:([]a:3 4 5; b:6 7 8; c:`z`u`i)
q)`b xcols t
b a c
-----
6 3 z
7 4 u
8 5 i
q)t:xcols[reverse cols t;t]
q)cols t
`c`b`a
