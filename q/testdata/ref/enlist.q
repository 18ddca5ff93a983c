/ from docs/ref/enlist.md (KxSystems/docs)
q)a:10
q)b:enlist a
q)c:enlist b
q)type each (a;b;c)
-7 7 0h
q)a~b
0b
q)a~first b
1b
q)b~c
0b
q)b~first c
1b
q)show a:enlist[til 5;`ibm`goog;"hello"]
0 1 2 3 4
`ibm`goog
"hello"
q)count a
3
q)count b:enlist[0;`1;"two";3;`four;5;`6;"seven";8;`nine]
10
q)enlist `a`b`c!(1;2 3; 4)
a b   c
-------
1 2 3 4
