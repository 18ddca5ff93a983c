/ from docs/ref/wj.md (KxSystems/docs); after its examples, windows that open between
/ quotes (wj takes the quote in force, wj1 does not), and several columns to one function
/ with t given by name
q)t:([]sym:3#`ibm;time:10:01:01 10:01:04 10:01:08;price:100 101 105)
q)t
sym time     price
------------------
ibm 10:01:01 100
ibm 10:01:04 101
ibm 10:01:08 105
q)a:101 103 103 104 104 107 108 107 108
q)b:98 99 102 103 103 104 106 106 107
q)q:([]sym:`ibm; time:10:01:01+til 9; ask:a; bid:b)
q)q
sym time     ask bid
--------------------
ibm 10:01:01 101 98
ibm 10:01:02 103 99
ibm 10:01:03 103 102
ibm 10:01:04 104 103
ibm 10:01:05 104 103
ibm 10:01:06 107 104
ibm 10:01:07 108 106
ibm 10:01:08 107 106
ibm 10:01:09 108 107
q)f:`sym`time
q)w:-2 1+\:t.time
q)wj[w;f;t;(q;(max;`ask);(min;`bid))]
sym time     price ask bid
--------------------------
ibm 10:01:01 100   103 98
ibm 10:01:04 101   104 99
ibm 10:01:08 105   108 104
q)wj[w;f;t;(q;(::;`ask);(::;`bid))]
sym time     price ask             bid
--------------------------------------------------
ibm 10:01:01 100   101 103         98 99
ibm 10:01:04 101   103 103 104 104 99 102 103 103
ibm 10:01:08 105   107 108 107 108 104 106 106 107
q)w2:(t.time-00:00:00.5;t.time+1)
q)wj[w2;f;t;(q;(::;`ask);(::;`bid))]
sym time     price ask         bid
------------------------------------------
ibm 10:01:01 100   101 103     98 99
ibm 10:01:04 101   103 104 104 102 103 103
ibm 10:01:08 105   108 107 108 106 106 107
q)wj1[w2;f;t;(q;(::;`ask);(::;`bid))]
sym time     price ask     bid
----------------------------------
ibm 10:01:01 100   101 103 98  99
ibm 10:01:04 101   104 104 103 103
ibm 10:01:08 105   107 108 106 107
q)wj[w;f;`t;(q;(wavg;`bid;`ask))]
`t
q)t
sym time     price ask
---------------------------
ibm 10:01:01 100   102.0051
ibm 10:01:04 101   103.5061
ibm 10:01:08 105   107.5035
