/ from docs/ref/type.md (KxSystems/docs)
q)type 5
-7h
q)type 2 3 5
7h
q)type (2 3 5;"hello")
0h
q)type ()
0h
q)type each (2;3 5;"hello")
-7 7 10h
q)type (+)
102h
q)type (0|+)
105h
