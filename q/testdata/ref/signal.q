/ from docs/ref/signal.md (KxSystems/docs)
q)0N!0;'`err;0N!1
0
'err
q)f:{@[{'x};x;{"trap:",x}]}
q)f`err
"trap:err"
q)f 1
"trap:stype"
q)f"a"
"trap:stype"
q)'word
'word
q)word
'word
q)f:{'`bad}
q)f[]
'bad
q)g:{f[]}
q)g[]
'bad
q)f:{[x]a:1;if[x<a;'`bad]}
q)g:{f[x]}
q)g[0]
'bad
