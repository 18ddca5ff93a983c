/ from docs/ref/xrank.md (KxSystems/docs)
q)4 xrank til 8
0 0 1 1 2 2 3 3
q)4 xrank til 9
0 0 0 1 1 2 2 3 3
q)7 xrank til 9
0 0 1 2 3 3 4 5 6
q)3 xrank 1 37 5 4 0 3
0 2 2 1 0 1
q)3 xrank 1 7 5 4 0 3
0 2 2 1 0 1
