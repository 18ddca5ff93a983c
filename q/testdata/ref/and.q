/ from docs/ref/and.md (KxSystems/docs)
q)2 and 3
2
q)1010b and 1100b
1000b
q)"sat" and "cow"
"cat"
