/ Functional qSQL and parse of the query forms (docs/basics/funsql.md).
q)t:([]n:`x`y`x`z`z`y;p:0 15 12 20 25 14)
q)parse "select from t"
?
`t
()
0b
()
q)parse "select n,p from t where p>10"
?
`t
,,(>;`p;10)
0b
`n`p!`n`p
q)parse "exec p by n from t"
?
`t
()
,`n
,`p
q)parse "exec p by n:n from t"
?
`t
()
(,`n)!,`n
,`p
q)sp:([]s:`s1`s2`s1`s3;qty:100 200 300 200)
q)f:{(eval parse x)~value x}
q)f each ("exec amount:qty from sp";"exec q:sum qty by s from sp";"exec sum qty by s:s from sp";"exec sum qty by s from sp";"exec q:sum qty by s:s from sp")
11111b
q)exec amount:qty from sp
amount| 100 200 300 200
q)exec q:sum qty by s from sp
  | q  
--| ---
s1| 400
s2| 200
s3| 200
q)exec sum qty by s:s from sp
s |    
--| ---
s1| 400
s2| 200
s3| 200
q)parse "update p:2*p from t"
!
`t
()
0b
(,`p)!,(*;2;`p)
q)parse "delete from t where p=0"
!
`t
,,(=;`p;0)
0b
`symbol$()
q)eval parse "select max p by n from t where p>0"
n| p 
-| --
x| 12
y| 15
z| 25
q)(eval parse "select max p by n from t where p>0")~select max p by n from t where p>0
1b
q)(eval parse "exec p from t where p>12")~exec p from t where p>12
1b
q)?[t;();0b;()]
n p 
----
x 0 
y 15
x 12
z 20
z 25
y 14
q)?[t;enlist(>;`p;12);0b;`n`p!`n`p]
n p 
----
y 15
z 20
z 25
y 14
q)?[t;();1b;(enlist`n)!enlist`n]
n
-
x
y
z
q)?[t;();0b;();2]
n p 
----
x 0 
y 15
q)?[t;();0b;();-2]
n p 
----
z 25
y 14
q)?[t;();0b;();1 2]
n p 
----
y 15
x 12
q)?[t;();0b;();0W;(idesc;`p)]
n p 
----
z 25
z 20
y 15
y 14
x 12
x 0 
q)?[t;();();`p]
0 15 12 20 25 14
q)?[t;();();`n`p!`n`p]
n| x y  x  z  z  y 
p| 0 15 12 20 25 14
q)?[t;();`n;`p]
x| 0  12
y| 15 14
z| 20 25
q)?[t;0 1 2;`p]
0 15 12
q)![t;enlist(>;`p;12);0b;(enlist`p)!enlist(neg;`p)]
n p  
-----
x 0  
y -15
x 12 
z -20
z -25
y -14
q)![`t;enlist(=;`n;enlist`z);0b;`symbol$()]
`t
q)t
n p 
----
x 0 
y 15
x 12
y 14
q)![t;();0b;enlist`p]
n
-
x
y
x
y
q)?[t;();0b]
'type
q)?[1b;2;3]
2
