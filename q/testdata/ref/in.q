/ from docs/ref/in.md (KxSystems/docs)
q)"x" in "a"
0b
q)"x" in "acdexyz"
1b
q)"wx" in "acdexyz"
01b
q)("abc";("def";"ghi");"jkl")in "bed"
010b
(110b;000b)
000b
q)"wx" in ("acdexyz";"abcd";"wx")
1b
q)("ab";"cd") in (("ab";"cd");0 1 2)
1b
q)any ("ab";"cd") ~/: (("ab";"cd");0 1 2)
1b
q)1 3 7 6 4 in 5 4 1 6
10011b
q)1 2 in (9;(1 2;3 4))
00b
q)1 2 in (1 2;9)
1b
q)1 2 in ((1 2;3 4);9)
0b
q)(1 2;3 4) in ((1 2;3 4);9)
1b
q)1 2. in 2
01b
q)1 2. in 1#2
01b
q)1 2. in 0#2
'type
q)1 2. in 2#2
'type
q)3 in (1 2;3)
0b
q)3 in (3;1 2)
1b
q)any ` ~/: (1 2;`)
1b
