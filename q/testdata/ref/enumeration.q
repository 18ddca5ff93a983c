/ from docs/ref/enumeration.md (KxSystems/docs)
q)x:`a`b`c`d
q)`x!1 2 3
`x$`b`c`d
