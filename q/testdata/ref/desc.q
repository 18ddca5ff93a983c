/ from docs/ref/desc.md (KxSystems/docs)
q)desc 2 1 3 4 2 1 2
4 3 2 2 2 1 1
q)desc `a`b`c!2 1 3
c| 3
a| 2
b| 1
q)desc([]a:4 4 1;b:`a`d`s)
a b
---
4 d
4 a
1 s
q)meta desc([]a:3 4 1;b:`a`d`s)
c| t f a
-| -----
a| j
b| s
q)L:2 1 3 4 2 1 2
q)idesc L
3 2 0 4 6 1 5
q)L idesc L
4 3 2 2 2 1 1
q)(desc L)~L idesc L
1b
q)idesc `a`c`b!1 2 3
`b`c`a
