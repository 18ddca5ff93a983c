/ from docs/ref/null.md (KxSystems/docs)
q)null 0 0n 0w 1 0n
01001b
q)where all null ([] c1:`a`b`c; c2:0n 0n 0n; c3:10 0N 30)
,`c2
q)a:``a
q)null`
1b
