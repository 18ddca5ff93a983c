/ from docs/ref/except.md (KxSystems/docs)
q)1 2 3 except 2
1 3
q)1 2 3 4 1 3 except 2 3
1 4 1
