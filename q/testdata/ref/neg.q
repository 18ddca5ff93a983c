/ from docs/ref/neg.md (KxSystems/docs)
q)neg -1 0 1 2
1 0 -1 -2
q)neg 01001b
0 -1 0 0 -1i
q)neg (0W;-0w;0N)
-0W
0w
0N
