/ system commands
q)\P 3
q)1%3
0.333
q)\P
3i
q)\P 7
q)1%3
0.3333333
q)system "P 4"
q)1%3
0.3333
q)\c
25 80i
q)\c 30 100
q)\c
30 100i
q)system "c"
30 100i
q)type system "t 1+1"
-7h
q)type value "\\t 1+1"
-7h
