/ from docs/ref/distinct.md (KxSystems/docs)
q)distinct 2 3 7 3 5 3
2 3 7 5
q)distinct flip `a`b`c!(1 2 1;2 3 2;"aba")
a b c
-----
1 2 a
2 3 b
q)\P 14
q)distinct 2 + 0f,10 xexp -13
2 2.0000000000001
