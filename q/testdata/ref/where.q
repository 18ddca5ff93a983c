/ from docs/ref/where.md (KxSystems/docs)
q)where 2 3 0 1
0 0 1 1 1 3
q)raze x #' til count x:2 3 0 1
0 0 1 1 1 3
q)where 0 1 1 0 1
1 2 4
q)x:1 5 6 8 11 17 20 21
q)where 0 = x mod 2
2 3 6
q)x where 0 = x mod 2
6 8 20
q)d:`amr`ibm`msft!2 3 1
q)where d
`amr`amr`ibm`ibm`ibm`msft
q)where 2 3 0 1
0 0 1 1 1 3
q)where 0 1 2 3 ! 2 3 0 1
0 0 1 1 1 3
