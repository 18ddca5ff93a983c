/ lambdas, locals and globals, projections, return and signal
q){x}[3]
3
q){x+y+z}[1;2;3]
6
q){[a;b] a-b}[10;3]
7
q)f:{[a] b:a*2; b+1}
q)f 5
11
q)b
'b
q)g:{c::x; c}
q)g 4
4
q)c
4
q){:x+1; 99}[1]
2
q){if[x>0; :`pos]; `nonpos}'[-1 1]
`nonpos`pos
q){'`bad}[1]
'bad
q){'"text"}[1]
'text
q)@[{'x};`oops;{x}]
"oops"
q)@[{x+1};1;`err]
2
q)@[{x+`a};1;`err]
`err
q).[{x+y};1 2;{x}]
3
q).[{x+y};(1;`a);{x}]
"type"
q){x}[]
q){1}[]
1
q)f:{x+y}
q)f[1;2;3]
'rank
q)h:{[a;b;c] a+b+c}
q)h[1;;3] 2
6
q)p:h[1]
q)p[2;3]
6
q)p[2][3]
6
q){x,y}[;`z] `a
`a`z
q){x}
{x}
q){[a;b] a+b}[1]
{[a;b] a+b}[1]
q){x+y}[;2]
{x+y}[;2]
q)fact:{$[x<2;1;x*fact x-1]}
q)fact 5
120
q){a:x; a+:1; a}[1]
2
q){a:(); a,:x; a,:x; a}[1]
1 1
q)/ the primitives' codes, and the .q namespace
q)value each (::;+;-;*;%;.)
0 1 2 3 4 19
q).q.neg 3
-3
q)3 ::
3
q)3[::]
'type
