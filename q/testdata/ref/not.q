/ from docs/ref/not.md (KxSystems/docs)
q)not -1 0 1 2
0100b
q)not "abc","c"$0
0001b
q)not `a`b!(-1 0 2;"abc","c"$0)
a| 010b
b| 0001b
q)not (0W;-0w;0N)
000b
