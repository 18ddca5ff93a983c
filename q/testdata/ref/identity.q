/ from docs/ref/identity.md (KxSystems/docs)
q)(::)1
1
q)(::;avg)@\:1 2 3
1 2 3
2f
q)1 2 3 ::
1 2 3
q)@[til 10;(::;2 3);2+]
2 3 6 7 6 7 8 9 10 11
q)q:3[::]
'type
q)q:3 ::
q)q~3
1b
q)enlist {1;}[]
::
q)enlist {x}[]
::
q)x:(1;2;3)
q)x,:`a
'type
q)x:(::;1;2)
q)x,:`a
