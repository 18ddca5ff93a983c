q)/ x,:y appends: a general list one deeper than y takes y as one item
q)a:(); a,:3; a,:4; a
3 4
q)type a
7h
q)b:enlist 1 2; b,:3 4; b
1 2
3 4
q)c:(1 2;3 4); c,5 6
1 2
3 4
5
6
q)/ an undefined name takes the right argument
q)undefinedname+:2
q)undefinedname
2
q)/ a simple list takes only its own type
q)d:1 2; d,:3i
'type
q)/ dictionary literals and their append
q)e:([a:1;b:2]); e,:([b:20;c:30]); e
a| 1
b| 20
c| 30
q)e,:([a:1f])
'type
q)/ tables take records, lists of records and tables missing columns
q)t:([]a:1 2;b:`x`y); t,:(3;`z); t,:([b:`w]); t
a b
---
1 x
2 y
3 z
  w
q)t,:([]a:1 2f)
'type
q)/ keyed tables upsert the columns given
q)k:([s:`p`q]v:1 2;w:3 4); k,:([s:`q`r]v:20 30); k
s| v  w
-| ----
p| 1  3
q| 20 4
r| 30  
