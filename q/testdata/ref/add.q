/ from docs/ref/add.md (KxSystems/docs)
q)2+3 4 5
5 6 7
q)5+`a`b`c!100 200 300
a| 105
b| 205
c| 305
q)([sym:`ibm`goog`msoft]qty:1000 2000 3000;p:1550 375 98)+5
sym  | qty  p
-----| ---------
ibm  | 1005 1555
goog | 2005 380
msoft| 3005 103
q)(10;20 30)+(2;3 4)
12
23 34
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)d+10
a| 20 -11 13
b| 14 15  4
q)d+`b`c!(10 20 30;1000*1 2 3)
a| 10   -21  3
b| 14   25   24
c| 1000 2000 3000
q)t+100
a   b
-------
110 104
79  105
103 94
q)k+k
k  | a   b
---| -------
abc| 20  8
def| -42 10
ghi| 6   -12
q)type 55
-7h
q)type 1i
-6h
q)type 1i+55
-7h
