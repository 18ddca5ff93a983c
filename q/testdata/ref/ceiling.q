/ from docs/ref/ceiling.md (KxSystems/docs)
q)ceiling -2.1 0 2.1
-2 0 3
q)ceiling 01b
0 1i
q)ceiling(1.2;3.4 5.6)
2
4 6
q)ceiling`a`b!(1.2;3.4 5.6)
a| 2
b| 4 6
q)ceiling([]a:1.2 3.4;b:5.6 7.8)
a b
---
2 6
4 8
q)ceiling 2 + 10 xexp -12 -13
3 2
