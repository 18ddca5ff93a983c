/ from docs/ref/accumulators.md (KxSystems/docs)
q)(+\)2 3 4
2 5 9
q)(+/)2 3 4
9
q)(neg\)1
1 -1
q)(rotate[1]\)"abcd"
"abcd"
"bcda"
"cdab"
"dabc"
q)({x*x}\)0.1
0.1 0.01 0.0001 1e-08 1e-16 1e-32 1e-64 1e-128 1e-256 0
q)dbl:2*
q)3 dbl\2 7
2  7
4  14
8  28
16 56
q)5 enlist\1
1
,1
,,1
,,,1
,,,,1
,,,,,1
q)5(`f;)\1
1
(`f;1)
(`f;(`f;1))
(`f;(`f;(`f;1)))
(`f;(`f;(`f;(`f;1))))
(`f;(`f;(`f;(`f;(`f;1)))))
q)/ First 10+2 numbers of Fibonacci sequence
q)10{x,sum -2#x}/0 1
0 1 1 2 3 5 8 13 21 34 55 89
q)/ First n+2 numbers of Fibonacci sequence
q)fibonacci:{x,sum -2#x}/[;0 1]
q)fibonacci 10
0 1 1 2 3 5 8 13 21 34 55 89
q)m:(0 1f;1 1f)
q)10 (m mmu)\1 1f
1  1
1  2
2  3
3  5
5  8
8  13
13 21
21 34
34 55
55 89
89 144
q)(10>)dbl\2
2 4 8 16
q){x<1000}{x+x}\2
2 4 8 16 32 64 128 256 512 1024
q)inc:1+
q)inc\[105>;100]
100 101 102 103 104 105
q)inc\[105>sum@;84 20]
84 20
85 21
q)1000+\2 3 4
1002 1005 1009
q)(,\)2 3 4
,2
2 3
2 3 4
q){x,y}\[2 3 4]
2
2 3
2 3 4
q)42{[x;y]x}\2 3 4
42 42 42
q)({[x;y]x}\)2 3 4
2 2 2
q)({count x,y}\)("The";"quick";"brown";"fox")
"The"
8
6
4
q)(+) over til 5
10
q)(+) scan til 5
0 1 3 6 10
q){x+y*z}\[1000;5 10 15 20;2 3 4 5]
1010 1040 1100 1200
q){x+y*z}\[1000 2000;5 10 15 20;3]
1015 2015
1045 2045
1090 2090
1150 2150
q)/ Chinese whispers
q)s:"We are going to advance. Send reinforcements."
q)ssr\[s;("advance";"reinforcements");("a dance";"three and fourpence")]
"We are going to a dance. Send reinforcements."
"We are going to a dance. Send three and fourpence."
q)a:1000f;b:1 2 3 4f;c:5 6 7 8f
q){z+x*y}\[a;b;c]
1005 2016 6055 24228f
q)a b\c
1005 2016 6055 24228f
q)mt:0#0
q)type each (mt;*/[mt];{x*y}/[mt])
7 -7 0h
q)()~{x+y*z}\[`foo;mt;mt]
1b
q)(+/)mt
0
q)(*/)mt
1
q)()~({x+y}/)mt
1b
q)type 1 0 3h/[til 0]
5h
q)type (3 4#til 12)/[0#0]
0h
q)42+/mt
42
q){x+y*z}/[42;mt;mt]
42
q)42 (3 4#til 12)/[0#0]
42
q)`foo+/mt
`foo
q){x+y*z}/[`foo;mt;mt]
`foo
