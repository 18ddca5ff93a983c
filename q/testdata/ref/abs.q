/ from docs/ref/abs.md (KxSystems/docs)
q)abs -1.0
1f
q)abs 10 -43 0N
10 43 0N
q)abs(10;20 -30)
10
20 30
