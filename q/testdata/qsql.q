/ qSQL's remaining forms: select[n;>c], in-place xdesc and xkey, find of a row, the as-of and plus joins,
/ ema, deltas and ratios with a seed, indexing into a list of functions (docs/ref: select, aj, pj, asof, ema).
q)t:([]a:3 1 2;b:`x`y`z)
q)select[2] from t
a b
---
3 x
1 y
q)select[>a] from t
a b
---
3 x
2 z
1 y
q)select[1;<a] from t
a b
---
1 y
q)select[-2] from t
a b
---
1 y
2 z
q)select[2;>a] b from t where a>0
b
-
x
z
q)select[1 2] from t
a b
---
1 y
2 z
q)`a xdesc `t
`t
q)t
a b
---
3 x
2 z
1 y
q)`a xkey `t
`t
q)t
a| b
-| -
3| x
2| z
1| y
q)tables[]
,`t
q)s:([]a:1 2 3;b:2 4 6)
q)s?(2;4)
1
q)s?(9;9)
3
q)s?([]a:3 1;b:6 2)
2 0
q)s?`a`b!(3;6)
2
q)deltas[10;1 4 9]
-9 3 5
q)ratios[2;4 8 4]
2 2 0.5
q)ema[0.5;1 2 3]
1 1.5 2.25
q)ema[0.5 0.1 0.9;1 2 3]
1 1.1 2.81
q)(sum;dev;var)[1;til 5]
1.414214
q)x:([]a:1 2 3;b:`x`y`z;c:10 20 30)
q)y:([a:1 3;b:`x`z]c:1 2;d:10 20)
q)x pj y
a b c  d 
---------
1 x 11 10
2 y 20 0 
3 z 32 20
q)tr:([]time:10:01:01 10:01:03 10:01:04;sym:`msft`ibm`ge;qty:100 200 150)
q)qu:([]time:10:01:00 10:01:00 10:01:00 10:01:02;sym:`ibm`msft`msft`ibm;px:100 99 101 98)
q)aj[`sym`time;tr;qu]
time     sym  qty px 
---------------------
10:01:01 msft 100 101
10:01:03 ibm  200 98 
10:01:04 ge   150    
q)aj0[`sym`time;tr;qu]
time     sym  qty px 
---------------------
10:01:00 msft 100 101
10:01:02 ibm  200 98 
10:01:04 ge   150    
q)t0:([]time:2#00:00:01;sym:`a`b;p:1 1;n:`r`s)
q)t1:([]time:2#00:00:01;sym:`a`b;p:0 1)
q)t2:([]time:2#00:00:00;sym:`a`b;p:1 0N;n:`r`s)
q)t0~ajf[`sym`time;t1;t2]
1b
q)v:([] time:6#09:00+10*til 3; sym:raze flip 3 2#`AAPL`GOOG; px:1 2 3 4 5 6f; vol:10 20 30 40 50 60)
q)v asof `sym`time!(`AAPL;09:15)
px | 2f
vol| 20
q)v asof ([]sym:`GOOG`MSFT; time:09:05)
px vol
------
4  40 
      
q)wj[-2 1+\:tr`time;`sym`time;tr;(qu;(max;`px))]
time     sym  qty px 
---------------------
10:01:01 msft 100 101
10:01:03 ibm  200 100
10:01:04 ge   150 -0W
q)tr.sym
`msft`ibm`ge
q)tr.qty+1
101 201 151
q)tr.nosuch
'tr.nosuch
