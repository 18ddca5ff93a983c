/ from docs/ref/key.md (KxSystems/docs)
q)D:`q`w`e!(1 2;3 4;5 6)
q)key D
`q`w`e
q)key `D
`q`w`e
q)K:([s:`q`w`e]g:1 2 3;h:4 5 6)
q)key K
s
-
q
w
e
q)()~key`a
1b
q)a:1
q)key`a
`a
q)key each ("abc";101b;1 2 3h;1 2 3i;1 2 3;1 2 3f)
`char`boolean`short`int`long`float
q)key 0#5
`long
q)key 10
0 1 2 3 4 5 6 7 8 9
