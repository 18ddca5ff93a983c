/ from docs/ref/set-attribute.md (KxSystems/docs)
q)`s#1 2 3
`s#1 2 3
q)`#`s#1 2 3
1 2 3
q)meta `s#([] ti:00:00:00 00:00:01 00:00:03; v:98 98 100.)
c | t f a
--| -----
ti| v   p
v | f
q)`p#2 2 2 1 1 4 4 4 4 3 3
`p#2 2 2 1 1 4 4 4 4 3 3
q)2,`p#2 2 2 1 1 4 4 4 4 3 3
2 2 2 2 1 1 4 4 4 4 3 3
q)v:`g#1#0
