/ from docs/ref/if.md (KxSystems/docs)
q)a:100
q)r:""
q)if[a>10;a:20;r:"true"]
q)a
20
q)r
"true"
