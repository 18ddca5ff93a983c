/ from docs/ref/match.md (KxSystems/docs)
q)(1 2 3+4 5 6)~4 5 6+1 2 3
1b
q)(1 2 3-4 5 6)~4 5 6-1 2 3
0b
q)1 2 3 ~`a`b
0b
q)1~1h
0b
q)3~3.0
0b
q)t1:([]x:1 2 3)
q)meta t1
c| t f a
-| -----
x| j
