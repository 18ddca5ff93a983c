/ from docs/ref/sublist.md (KxSystems/docs)
q)p:2 3 5 7 11
q)3 sublist p
2 3 5
q)10 sublist p
2 3 5 7 11
q)2 sublist `a`b`c!(1 2 3;"xyz";2 3 5)
a| 1 2 3
b| x y z
q)10#"take me"
"take metak"
q){x$x sublist y}[10;]"take me"
"take me   "
q)1 2 sublist p
3 5
