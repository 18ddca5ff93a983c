/ from docs/ref/show.md (KxSystems/docs)
/ corrected: the page prints sum of a boolean vector as 3; the sum page's range table gives booleans an int sum, 3i
q)a:show til 5
0 1 2 3 4
q)a~(::)
1b
q)f:{a:x<5;sum a}
q)f 2 3 5 7 3
3i
q)f:{show a:x<5;sum a}
q)f 2 3 5 7 3
11001b
3i
