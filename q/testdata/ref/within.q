/ from docs/ref/within.md (KxSystems/docs)
q)1 3 10 6 4 within 2 6
01011b
q)"acyxmpu" within "br"
0100110b
q)select sym from ([]sym:`dd`ccc`ccc) where sym within `c`d
sym
---
ccc
ccc
q)5 within (1 2 6;3 5 7)
010b
q)2 5 6 within (1 2 6;3 5 7)
111b
q)(1 3 10 6 4;"acyxmpu") within ((2;"b");(6;"r"))
01011b
0100110b
q)"acyxmpu" within "br"  / chars are ordered
0100110b
