/ from docs/ref/multiply.md (KxSystems/docs)
q)3 4 5*2.2
6.6 8.8 11
q)1.1*`a`b`c!5 10 20
a| 5.5
b| 11
c| 22
q)t:([]price:10 20 30;qty:200 150 17)
q)t*\:1.15 1
price qty
---------
11.5  200
23    150
34.5  17
q)update price:price*1+.15*qty<50 from t
price qty
---------
10    200
20    150
34.5  17
q)(10;20 30)*(2;3 4)
20
60 120
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)d*2
a| 20 -42 6
b| 8  10  -12
q)d*`b`c!(10 20 30;1000*1 2 3)
a| 10   -21  3
b| 40   100  -180
c| 1000 2000 3000
q)t*100
a     b
----------
1000  400
-2100 500
300   -600
q)k*k
k  | a   b
---| ------
abc| 100 16
def| 441 25
ghi| 9   36
q)type 55
-7h
q)type 1i
-6h
q)type 1i*55
-7h
