/ from docs/ref/lesser.md (KxSystems/docs)
q)2&3
2
q)1010b and 1100b
1000b
q)"sat"&"cow"
"cat"
q)98&"c"
"b"
q)(10;20 30)&(2;3 4)
2
3 4
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)d&5
a| 5 -21 3
b| 4 5   -6
q)d&`b`c!(10 20 30;1000*1 2 3)
a| 10   -21  3
b| 4    5    -6
c| 1000 2000 3000
q)t&5
a   b
------
5   4
-21 5
3   -6
q)k&5
k  | a   b
---| ------
abc| 5   4
def| -21 5
ghi| 3   -6
