/ lexical rules and grammar: literals, names, comments, right-to-left evaluation
q)1+2
3
q)2*3+4
14
q)1 2 3e
1 2 3e
q)1 2 3
1 2 3
q)1 -2 3
1 -2 3
q)x:5
q)x-1
4
q)v:5 6 7
q)v -1
0N
q)3.5 -1
3.5 -1
q)(1+2)-1
2
q).5
0.5
q)2f
2f
q)1e-06
1e-06
q)0n
0n
q)0N
0N
q)0w
0w
q)-0w
-0w
q)0Ni
0Ni
q)0Nh
0Nh
q)0Ne
0Ne
q)0we
0we
q)0Wj
0W
q)1 0N 3
1 0N 3
q)1 2.5
1 2.5
q)101b
101b
q)1b
1b
q)0x0a0b
0x0a0b
q)0x0a
0x0a
q)"abc"
"abc"
q)"a"
"a"
q)"a\"b"
"a\"b"
q)`a
`a
q)`a`b
`a`b
q)`a.b
`a.b
q)count `
1
q)3#1 2                / a trailing comment
1 2 1
q)/ a comment line
q)1 2 3 / comment after a vector
1 2 3
q)a:1;b:2;a+b
3
q)a:1;
q)(a:7)
7
q)(1;2)
1 2
q)(1;`a)
1
`a
q)()
q)count ()
0
q)(1 2;3)
1 2
3
q)f:{x+y}
q)f[1;2]
3
q)f[1] 2
3
q)g:f[;10]
q)g 1
11
q)+[1;2]
3
q)#:[1 2 3]
3
q)-:[5]
-5
q)-[5]
-[5]
q)(2+) 3
5
q)0 (0|+)\ -1 2 3 -100 4
0 2 5 0 4
q)(last key@)'[(`a`b!1 2;`c`d!3 4)]
`b`d
q)'[neg;+][1;2]
-3
q){x*2}@3
6
q){x+y} . 1 2
3
q)parse "1+x"
+
1
`x
q)parse "-x"
-:
`x
q)parse "`a"
,`a
q)eval parse "1+2"
3
q)value "1+2"
3
q).z.foo:3
q).z.foo
3
q)-3!(1;`a;"x")
"(1;`a;\"x\")"
q)-3!{x+1}
"{x+1}"
q)type {x}
100h
q)type +[1]
104h
q)type '[neg;neg]
105h
q)type (+/)
107h
q)type (+\)
108h
q)type (+')
106h
q)type (+':)
109h
q)type (+/:)
110h
q)type (+\:)
111h
q)type (+)
102h
q)f:ssr[;"o";"0"]
q)f "toronto"
"t0r0nt0"
q)ssr["abcabc";"b?";{reverse x}]
"acbacb"
q)2 xrank 4 1 3 2
1 0 1 0
q)`b xcols ([]a:1 2;b:3 4)
b a
---
3 1
4 2
q)ej[`k;([]k:1 2;a:3 4);([]k:2 2;b:5 6)]
k a b
-----
2 4 5
2 4 6
q)10 +/[1 2 3]
16
q)10 +\[1 2 3]
11 13 16
q)neg +/[1 2 3]
-6
