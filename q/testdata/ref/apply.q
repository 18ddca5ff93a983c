/ from docs/ref/apply.md (KxSystems/docs)
q)(+) . 2 3
5
q).[+;2 3]
5
q).[+;2 2]
4
q)(+) . 2 2
4
q)a: 2 3
q)b: 10 20
q){a + b} . enlist[::]
12 23
q)(1;`a`b!(2 3 4;10 20 30 40)) . (1; `b; 2)
30
q)d:`cat`cow`dog`sheep!`chat`vache`chien`mouton
q)d
cat  | chat
cow  | vache
dog  | chien
sheep| mouton
q)d `sheep`snake`cat`ant
`mouton``chat`
q)e:(10*til 10)!til 10
q)e
0 | 0
10| 1
20| 2
30| 3
40| 4
50| 5
60| 6
70| 7
80| 8
90| 9
q)e 80 35 20 -10
8 0N 2 0N
q){`o`h`l`c!(first;max;min;last)@\:x}1 2 3 4 22
o| 1
h| 22
l| 1
c| 22
q)di:reciprocal(%).
q)di 2 3
1.5
q).[+;"ab";`ouch]
`ouch
q).[+;"ab";{"Wrong ",x}]
"Wrong type"
q).[+;2 3;{"Wrong ",x}]
5
q)@[2+;"42";`err]
`err
q)@[2+;"42"+3;`err]
'type
q)@[2+;"42";{)}]
')
q)@[string;42;a:100]
"42"
q)a
100
q)@[string;42;{b::99}]
"42"
