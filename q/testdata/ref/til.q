/ from docs/ref/til.md (KxSystems/docs)
q)til 0
`long$()
q)til 1b
,0
q)til 5
0 1 2 3 4
q)til 5f
'type
