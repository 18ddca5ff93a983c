/ from docs/ref/floor.md (KxSystems/docs)
q)floor -2.1 0 2.1
-3 0 2
q)floor(1.2;3.4 5.6)
1
3 5
q)floor`a`b!(1.2;3.4 5.6)
a| 1
b| 3 5
q)floor([]a:1.2 3.4;b:5.6 7.8)
a b
---
1 5
3 7
q)floor 2 - 10 xexp -12 -13
1 2
