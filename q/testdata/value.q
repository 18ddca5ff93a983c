/ value of a lambda, in the layout of docs/ref/value.md (kt has no bytecode: an empty byte vector, and -1 for its map)
q)f:{[a;b]d::neg c:a*b+5;c+e}
q)value f
`byte$()
`a`b
,`c
``d`e
5
-1
"..f"
""
-1
"{[a;b]d::neg c:a*b+5;c+e}"
q)(value f)1
`a`b
q)(value f)2
,`c
q)last value {x+y}
"{x+y}"
q)-22!til 100000
800014
q)(-22!`a`b!(1 2;"xy"))~count -8!`a`b!(1 2;"xy")
1b
q)reval (+;1;1)
'nyi: reval (eval with the writes -b blocks refused)
