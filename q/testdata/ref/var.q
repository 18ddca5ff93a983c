/ from docs/ref/var.md (KxSystems/docs)
q)var 2 3 5 7
3.6875
q)var 2 3 5 0n 7
3.6875
q)var 2 3 5 7
3.6875
q)svar 2 3 5 7
4.916667
