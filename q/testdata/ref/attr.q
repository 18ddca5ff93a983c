/ from docs/ref/attr.md (KxSystems/docs)
q)attr 1 3 4
`
q)attr asc 1 3 4
`s
