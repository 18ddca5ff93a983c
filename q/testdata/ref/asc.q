/ from docs/ref/asc.md (KxSystems/docs)
q)l:("bat";"dog";"cow";"cat")
q)asc l
"bat"
"cat"
"cow"
"dog"
q)asc `a`b`c!2 1 3
b| 1
a| 2
c| 3
q)/ Simple table
q)asc ([]a:4 3 4;b:`s`a`d)
a b
---
3 a
4 d
4 s
q)L:2 1 3 4 2 1 2
q)iasc L
1 5 0 4 6 2 3
q)L iasc L
1 1 2 2 2 3 4
q)(asc L)~L iasc L
1b
q)iasc `a`b`c!2 3 1
`c`a`b
q)t:([]b:`s`g`a`s`a;c:30 10 43 13 24;g:til 5)
q)t
b c  g
------
s 30 0
g 10 1
a 43 2
s 13 3
a 24 4
