/ from docs/ref/first.md (KxSystems/docs)
q)first 1 2 3 4 5
1
q)first 42
42
q)RaggedArray:(1 2 3;4 5;6 7 8 9;0)
q)first each RaggedArray
1 4 6 0
q)RaggedDict:`a`b`c!(1 2;3 4 5;"hello")
q)first RaggedDict
1 2
q)first each RaggedDict
a| 1
b| 3
c| "h"
q)a:10
q)a~first enlist 10
1b
q)a~first first enlist enlist 10
1b
q)last til 10
9
q)last `a`b`c!1 2 3
3
q)last 42
42
