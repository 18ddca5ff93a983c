/ partitioned databases; run in an empty folder
q)trade:([]sym:`b`a`b;px:1 2 3.;sz:10 20 30)
q).Q.dpft[`:hdb;2024.01.15;`sym;`trade]
`trade
q)trade:([]sym:`c`a;px:4 5.;sz:40 50)
q).Q.dpft[`:hdb;2024.01.16;`sym;`trade]
`trade
q)key `:hdb
`2024.01.15`2024.01.16`sym
q)get `:hdb/2024.01.15/trade/.d
`sym`px`sz
q)trade:0
q)\l hdb
q)count trade
5
q)cols trade
`date`sym`px`sz
q)trade`date
2024.01.15 2024.01.15 2024.01.15 2024.01.16 2024.01.16
q)trade`px
2 1 3 5 4f
q)-9!-8!trade`sym
`a`b`b`a`c
q)trade[`px] where trade[`sz]>30
5 4f
q).Q.pv
2024.01.15 2024.01.16
q).Q.pf
`date
q).Q.pt
,`trade
q)sym
`a`b`c
q).Q.dpft[`:hdb;`x;`sym;`trade]
'type
q)select px from trade where date=2024.01.16
px
--
5 
4 
q)select from trade where sz>30
date       sym px sz
--------------------
2024.01.16 a   5  50
2024.01.16 c   4  40
q).Q.pn
trade| 3 2
q)t1:([]sym:`a`b;v:1 2)
q).Q.dpft[`:seg1;2024.02.01;`sym;`t1]
`t1
q)t1:([]sym:enlist `c;v:enlist 3)
q).Q.dpft[`:seg2;2024.02.02;`sym;`t1]
`t1
q)`:pdb/par.txt 0: ("../seg2";"../seg1")
`:pdb/par.txt
q)`:pdb/sym set `a`b`c
`:pdb/sym
q)t1:0
q)\l pdb
q)t1
date       sym v
----------------
2024.02.01 a   1
2024.02.01 b   2
2024.02.02 c   3
q).Q.pv
2024.02.01 2024.02.02
q)quote:([]sym:`a`b;bid:1 2.)
q).Q.dpft[`:hdb;2024.01.16;`sym;`quote]
`quote
q).Q.chk[`:hdb]
,`:hdb/2024.01.15/quote
q)get `:hdb/2024.01.15/quote/.d
`sym`bid
q)\l hdb
q)count quote
2
q)quote`date
2024.01.16 2024.01.16
q).Q.pn
quote| 0 2
trade| 3 2
q)trade:([]sym:enlist `d;px:enlist 9;sz:enlist 90)
q).Q.dpft[`:hdb;2024.01.17;`sym;`trade]
`trade
q)\l hdb
q)select from trade where date=2024.01.16
date       sym px sz
--------------------
2024.01.16 a   5  50
2024.01.16 c   4  40
q)select sz from trade where date>2024.01.16
sz
--
90
q)count trade
'part: column px differs between partitions
q).Q.par[`:hdb;2024.01.16;`trade]
`:hdb/2024.01.16/trade
q).Q.par[`:pdb;2024.02.02;`t1]
`:seg2/2024.02.02/t1
