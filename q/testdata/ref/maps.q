/ from docs/ref/maps.md (KxSystems/docs)
q)(count')`a`b`c!(1 2 3;4 5;6 7 8 9)
a| 3
b| 2
c| 4
q)1 2 3 in'(1 0 1;til 100;5 6 7)
110b
q){x+y*z}'[1000000;1 0 1;5000 6000 7000]
1005000 1000000 1007000
q)(count')string `Clash`Fixx`The`Who
5 4 3 3
q)count'[string `Clash`Fixx`The`Who]
5 4 3 3
q)count each string `Clash`Fixx`The`Who
5 4 3 3
q)"abcde",\:"XY"
"aXY"
"bXY"
"cXY"
"dXY"
"eXY"
q)"abcde",/:"XY"
"abcdeX"
"abcdeY"
q)show a:{x,/:\:x}til 3
0 0 0 1 0 2
1 0 1 1 1 2
2 0 2 1 2 2
q)show b:{x cross x}til 3
0 0
0 1
0 2
1 0
1 1
1 2
2 0
2 1
2 2
q){}0N!a
((0 0;0 1;0 2);(1 0;1 1;1 2);(2 0;2 1;2 2))
q){}0N!b
(0 0;0 1;0 2;1 0;1 1;1 2;2 0;2 1;2 2)
q)raze[a] ~ b
1b
q)(", "/:)("quick";"brown";"foxes")
"quick, brown, foxes"
q)(0x0\:)3.14156
0x400921ea35935fc4
q)(-':)1 1 2 3 5 8 13
1 0 1 1 2 3 5
q)1950 -': `S`J`C!1952 1954 1960
S| 2
J| 2
C| 6
q)(*':)2 3 4
2 6 12
q)(,':)2 3 4
2
3 2
4 3
q)(-':) `S`J`C!1952 1954 1960
S| 1952
J| 2
C| 6
q){x+2*y}':[2 3 4]
0N 7 10
q)(-':) 5 16 42 103
5 11 26 61
q)(-) prior 5 16 42 103
5 11 26 61
q)deltas 5 16 42 103
5 11 26 61
q)0 1 0'["abc";"xyz"]
"ayc"
q)e:`one`two`three`four`five
q)f:`un`deux`trois`quatre`cinq
q)g:`eins`zwei`drei`vier`funf
q)l:`English`French`German
q)l?`German`English`French`French`German
2 0 1 1 2
q)(l?`German`English`French`French`German)'[e;f;g]
`eins`two`trois`quatre`funf
q)/ Extra arguments don't signal a rank error
q)0 2 0'["abc";"xyz";"123";"789"]
"a2c"
q)0 1 0'["a";"xyz"]
"aya"
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b`c!"789"]
"a2c"
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`a`b!"78"]
'length
q)0 2 0'[`a`b`c!"abc";"xyz";"123";`b`a`c!"789"]
'domain
q)a:`Kuh`Hund`Katte`Fisch
q)b:`vache`chien`chat`poisson
q)c:`cow`dog`cat`fish
q)show m:(a;b;c)
Kuh   Hund  Katte Fisch
vache chien chat  poisson
cow   dog   cat   fish
q)i:0 1 0 2
q)i,'til count i
0 0
1 1
0 2
2 3
q)m ./:i,'til count i
`Kuh`chien`Katte`fish
q)i'[a;b;c]
`Kuh`chien`Katte`fish
q)type (2*')til 5
7h
q)type (2*')til 0
0h
q)type (2*)til 0
7h
