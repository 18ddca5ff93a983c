/ Namespaces: \d, names read and assigned in the current namespace, lambdas in theirs,
/ key and value of namespaces, \v \f \a (docs/basics/namespaces.md, syscmds.md).
q)key `
`q`Q`h`j`o`z
q).fee.fi.fo:42
q)key `
`q`Q`h`j`o`z`fee
q)key `.fee
``fi
q)key `.fee.fi
``fo
q)\d .foo
q)\d
`.foo
q)x:1
q)f:{x+y}
q)g:{x+a}
q)a:10
q)g 1
11
q)\d .
q)\d
`.
q).foo.x
1
q).foo.g 1
11
q)x
'x
q)\v .foo
`a`x
q)\f .foo
`f`g
q)x:5
q)\v
,`x
q)t:([]a:1 2)
q)\a
,`t
q)value `.foo
 | ::
a| 10
f| {x+y}
g| {x+a}
x| 1
q)`abs in key `.q
1b
q)\d .bar
q)h:{.foo.a+x}
q)\d .
q).bar.h 1
11
q)\d 1
'type
q)\d foo
'type
