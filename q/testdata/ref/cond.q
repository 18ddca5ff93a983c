/ from docs/ref/cond.md (KxSystems/docs)
q)$[0b;`true;`false]
`false
q)$[1b;`true;`false]
`true
q)$[1b;`true;x:`false]
`true
q)x
'x
q){$[x>0;1;x<0;-1;0]}'[0 3 -9]
0 1 -1
q)$[1b;`true;1b;`foo]
`true
q)$[0b;`true;1b;`foo]
`foo
q)$[0b;`true;0b;`foo]
q)$[0b;`true;0b;`foo]~(::)
1b
