/ from docs/ref/find.md (KxSystems/docs)
q)w:10 -8 3 5 -1 2 3
q)w?-8
1
q)w[1]
-8
q)w?3
2
q)w?17
7
q)w[7]
0N
q)"abcde"?"d"
3
q)u:("abcde";10 2 -6;(2 3;`ab))
q)u?10 2 -6
1
q)u?"abcde"
0
q)u?(2 3;`ab)
3 3
q)f:{where x~\:y}
q)f[u;(2 3;`ab)]
,2
