/ from docs/ref/rank.md (KxSystems/docs)
q)rank 2 7 3 2 5
0 4 2 1 3
q)iasc 2 7 3 2 5
0 3 2 4 1
q)iasc iasc 2 7 3 2 5
0 4 2 1 3
q)asc[2 7 3 2 5] rank 2 7 3 2 5
2 7 3 2 5
q)iasc idesc 2 7 3 2 5
3 0 2 4 1
