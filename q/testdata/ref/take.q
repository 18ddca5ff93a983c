/ from docs/ref/take.md (KxSystems/docs)
q)5#0 1 2 3 4 5 6 7 8
0 1 2 3 4
q)-5#0 1 2 3 4 5 6 7 8
4 5 6 7 8
q)5#`Arthur`Steve`Dennis
`Arthur`Steve`Dennis`Arthur`Steve
q)-5#`Arthur`Steve`Dennis
`Steve`Dennis`Arthur`Steve`Dennis
q)3#9
9 9 9
q)2#`a
`a`a
q)trade:([]time:();sym:();price:();size:())
q)trade
time sym price size
-------------------
q)2 5#"!"
"!!!!!"
"!!!!!"
q)2 4#`Arthur`Steve`Dennis
Arthur Steve  Dennis Arthur
Steve  Dennis Arthur Steve
q)2 3 4#"a"
"aaaa" "aaaa" "aaaa"
"aaaa" "aaaa" "aaaa"
q)show five3d:2 3 4#til 5
0 1 2 3 4 0 1 2 3 4 0 1
2 3 4 0 1 2 3 4 0 1 2 3
q)count each five3d
3 3
q)first five3d
0 1 2 3
4 0 1 2
3 4 0 1
q)0N 3#til 10
0 1 2
3 4 5
6 7 8
,9
q)enlist[2]#til 10
0 1
q)(2 2 3#til 5)~((0 1 2;3 4 0);(1 2 3;4 0 1))
1b
q)(enlist("";""))~1 2 0#"a"
1b
q)all`domain=@[;1 2;{`$x}]each(#)@'(1 0 2;2 3 0N;0N 2 1;-1 2 3)
1b
q)3 0N#til 10
0 1 2
3 4 5
6 7 8 9
q)(10 0N)#(),10
`long$()
`long$()
`long$()
`long$()
`long$()
`long$()
`long$()
`long$()
`long$()
,10
q)4 0N#til 9
0 1
2 3
4 5
6 7 8
q)d:`a`b`c!1 2 3
q)2#d
a| 1
b| 2
q)-2#d
b| 2
c| 3
q)d:`a`b`c!1 2 3
q)`a`b#d
a| 1
b| 2
q)enlist[`a]#d
a| 1
q)t:([] name:`Dent`Beeblebrox`Prefect; iq:98 42 126; age:20 22 25)
q)2#t
name       iq age
-----------------
Dent       98 20
Beeblebrox 42 22
q)-2#t
name       iq  age
------------------
Beeblebrox 42  22
Prefect    126 25
q)t:([] name:`Dent`Beeblebrox`Prefect; iq:98 42 126; age:20 22 25)
q)`name`age#t
name       age
--------------
Dent       20
Beeblebrox 22
Prefect    25
