/ from docs/ref/or.md (KxSystems/docs)
q)2 or 3
3
q)1010b or 1100b
1110b
q)"sat" or "cow"
"sow"
