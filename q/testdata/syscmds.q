/ System commands: the settings they show and set, \x, the OS shell, and .z's facts (docs/basics/syscmds.md, dotz.md).
q)\t
0
q)\t 1000
q)\t
1000
q)\t 0
q)\T
0i
q)\e 1
q)\e
1
q)\e 3
'domain
q)\W
2
q)\C
36 2000
q)\C 20 100
q)\C
20 100
q)\g
0
q)\echo hi
"hi"
q)system "echo a; echo b"
,"a"
,"b"
q)\false
'os
q).z.i>0
1b
q).z.o
`l64
q)type .z.K
-9h
q)type .z.k
-14h
q).z.x
q)type .z.h
-11h
q)type .z.u
-11h
q)f:{.z.s}
q)f[]
{.z.s}
q)getenv `KT_NO_SUCH_VARIABLE
""
q)setenv[`KT_TEST_VARIABLE;"1"]
q)getenv `KT_TEST_VARIABLE
,"1"
q)x:1
q)\x x
q)x
'x
q)\z 1
'nyi: \z 1 (mm/dd/yyyy dates)
q)\_
'nyi: \_ (scripts are not compiled)
