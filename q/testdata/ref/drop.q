/ from docs/ref/drop.md (KxSystems/docs)
q)5_0 1 2 3 4 5 6 7 8
5 6 7 8
q)-5_0 1 2 3 4 5 6 7 8
0 1 2 3
q)1 _ `a`b`c!1 2 3
b| 2
c| 3
q)b:"apple: banana: cherry"
q)(b?":") _ b
": banana: cherry"
q)0 1 2 3 4 5 6 7 8_5
0 1 2 3 4 6 7 8
q)(`a`b`c!1 2 3)_`a
b| 2
c| 3
q)`a _ `a`b`c!1 2 3
b| 2
c| 3
q)`a`b _ `a`b`c!1 2 3
c| 3
q)(`a`b`c!1 2 3) _ `a`b
'type
q)d:100 200!`a`b
q)1 _ d
200| b
q)d _ 1
100| a
200| b
q)d _ 100
200| b
q)enlist[1] _ d
100| a
200| b
q)enlist[100] _ d
200| b
q)t:([]a:1 2 3;b:4 5 6;c:`d`e`f)
q)`a`b _ t
c
-
d
e
f
q)t _ `a`b
'type
q)`a _ t
'type
q)t _ `a
'type
q)show d:`a`b`c`x!(1;2 3;4;5)
a| 1
b| 2 3
c| 4
x| 5
q)d _:`x
q)d
a| 1
b| 2 3
c| 4
