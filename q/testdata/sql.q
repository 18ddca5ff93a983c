/ qSQL on in-memory tables
q)t:([] a:1 2 3; b:`x`y`z; c:10 20 30f)
q)select from t
a b c 
------
1 x 10
2 y 20
3 z 30
q)select a, b from t where a>1
a b
---
2 y
3 z
q)select a, c from t where a>1, b<>`z
a c 
----
2 20
q)select s:sum c from t
s 
--
60
q)select sum c from t
c 
--
60
q)exec b from t
`x`y`z
q)exec a, b from t where a<3
a| 1 2
b| x y
q)update c:c*2 from t where a=2
a b c 
------
1 x 10
2 y 40
3 z 30
q)update d:a+1 from t
a b c  d
--------
1 x 10 2
2 y 20 3
3 z 30 4
q)delete from t where a=2
a b c 
------
1 x 10
3 z 30
q)delete c from t
a b
---
1 x
2 y
3 z
q)g:([] k:`a`b`a; v:1 2 3)
q)select sum v by k from g
k| v
-| -
a| 4
b| 2
q)select n:count i by k from g
k| n
-| -
a| 2
b| 1
q)kt:([k:`p`q] v:1 2)
q)kt
k| v
-| -
p| 1
q| 2
q)select from kt where v>1
k| v
-| -
q| 2
q)update v:v+10 from `g
`g
q)g
k v 
----
a 11
b 12
a 13
q)h:([] module:`m1`m2`m3; options:(`a`reduce!1 2;`p`eps!3 4;`b`reduce!5 6))
q)select module, options from h where not (last key@)'[options]=`reduce
module options   
-----------------
m2     `p`eps!3 4
q)u:([] module:`m1`m2; args:(`tensor`tensor;`tensor`tensor`long))
q)select module, args from u where not args~\:2#`tensor
module args              
-------------------------
m2     tensor tensor long
q){select from t where a=x} 2
a b c 
------
2 y 20
q)p:([] n:`a`b; v:1 2)
q)`p insert (`c;3)
,2
q)p
n v
---
a 1
b 2
c 3
q)`p insert (`d`e;4 5)
3 4
q)count p
5
q)pk:([n:`a`b] v:1 2)
q)pk upsert (`b;20)
n| v 
-| --
a| 1 
b| 20
q)`pk insert (`a;5)
'insert
q)/ select by sorts the groups by key
q)select sum v by k from ([]k:`b`a`b`c;v:1 2 3 4)
k| v
-| -
a| 2
b| 4
c| 4
q)/ exec by, update by and fby
q)w:([]a:1 2 3 4;b:`y`x`y`x)
q)exec a by b from w
x| 2 4
y| 1 3
q)exec sum a by b from w
x| 6
y| 4
q)update s:sum a by b from w
a b s
-----
1 y 4
2 x 6
3 y 4
4 x 6
q)update r:sums a by b from w where a>1
a b r
-----
1 y  
2 x 2
3 y 3
4 x 6
q)select from w where a=(max;a) fby b
a b
---
3 y
4 x
q)(count;w`a) fby w`b
2 2 2 2
