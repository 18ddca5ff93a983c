/ from docs/ref/show.md (KxSystems/docs)
q)a:show til 5
0 1 2 3 4
q)a~(::)
1b
q)f:{a:x<5;sum a}
q)f 2 3 5 7 3
3
q)f:{show a:x<5;sum a}
q)f 2 3 5 7 3
11001b
3
