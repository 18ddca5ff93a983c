/ from docs/ref/fby.md (KxSystems/docs)
q)dat:2 5 4 1 7
q)grp:"abbac"
q)(sum;dat) fby grp
3 9 9 3 7
q)(first;dat) fby grp
2 5 5 2 7
