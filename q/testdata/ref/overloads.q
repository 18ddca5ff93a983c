/ from docs/ref/overloads.md (KxSystems/docs)
q)neg[3]~-3
1b
q)2+2
4
q)/ Nothing in this line is evaluated
