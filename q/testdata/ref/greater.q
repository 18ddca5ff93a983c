/ from docs/ref/greater.md (KxSystems/docs)
q)2|3
3
q)1010b or 1100b
1110b
q)"sat"|"cow"
"sow"
q)98|"a"
"b"
q)(10;20 30)|(2;3 4)
10
20 30
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)d|5
a| 10 5 5
b| 5  5 5
q)d|`b`c!(10 20 30;1000*1 2 3)
a| 10   -21  3
b| 10   20   30
c| 1000 2000 3000
q)t|5
a  b
----
10 5
5  5
5  5
q)k|5
k  | a  b
---| ----
abc| 10 5
def| 5  5
ghi| 5  5
