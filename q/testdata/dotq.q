/ .Q's utilities, with the examples of docs/ref/dotq.md; .z.pi as docs/ref/dotz.md shows it
q).Q.a
"abcdefghijklmnopqrstuvwxyz"
q).Q.A
"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
q).Q.an
"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"
q).Q.nA
"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
q).Q.t
" bg xhijefcspmdznuvt"
q).Q.dd[`:dir]`file
`:dir/file
q).Q.dd[`AAPL]"O"
`AAPL.O
q).Q.addmonths[2007.10.16;6 7]
2008.04.16 2008.05.16
q).Q.addmonths[2006.10.29;4]
2007.03.01
q).Q.fmt[6;2]each 1 234
"  1.00"
"234.00"
q).Q.fmt[3;2;1234.5]
"***"
q).Q.f[2;3.14159]
"3.14"
q).Q.f[0;2.5]
,"2"
q).Q.btoa"Hello World!"
"SGVsbG8gV29ybGQh"
q)10h$.Q.atob "aGVsbG8="
"hello"
q).Q.atob "aGVsbG8"
'domain
q).Q.sha1"Hello World!"
0x2ef7bde608ce5404e97d5f042f95f89f1c232871
q).Q.id each `$("ab";"a/b";"two words";"2drifters";"2+2")
`ab`ab`twowords`a2drifters`a22
q).Q.id`$"+"
`a
q).Q.id flip (5#.Q.res)!(5#())
abs1 acos1 asin1 atan1 avg1
---------------------------
q).Q.id flip(`$("a";"a/b"))!2#()
a ab
----
q)t:([]a:3 4 5;b:"abc";c:(3;"xy";`ab);d:3 2#3 4 5;e:("abc";"de";"fg"))
q).Q.ty each t`a`b`c`d`e
"jc JC"
q).Q.opt ("-param1";"-param2";"as";"asd";"-param3")
param1| ()
param2| ("as";"asd")
param3| ()
q).Q.def[`abc`xyz`efg!(1;2.;`a)].Q.opt ("-abc";"123";"-xyz";"321")
abc| 123
xyz| 321f
efg| `a
q).Q.def[`param1`param2`param3!(1;1999.01.01;23.1)].Q.opt ("-param1";"11";"-param2";"2000.01.01";"-param3";"wrong")
param1| 11
param2| 2000.01.01
param3| 0n
q).Q.x ("a";"b";"-c";"1")
"a"
"b"
q).Q.ff[([]a:1 2)] enlist `a`b`c!(1;2;`x)
a b c
-----
1    
2    
q)f:{`hello+x}
q).Q.trp[f;2;{1@"error: ",x,"\nbacktrace:\n",.Q.sbt y;-1}]
error: type
backtrace:
  [1]  f:{`hello+x}
                ^
  [0]  .Q.trp[f;2;{1@"error: ",x,"\nbacktrace:\n",.Q.sbt y;-1}]
       ^
-1
q).Q.trp[f;`a;{x}]
'rank
q).Q.trpd[{x+y};(1;2);{x,y}]
3
q).Q.trpd[{x+y};(1;`2);{(x;count y)}]
"type"
2
q)aa:([]a:1 2 3;b:11 22 33)
q).z.pi:{0N!value x;}
q)aa
+`a`b!(1 2 3;11 22 33)
q)\x .z.pi
q)aa
a b 
----
1 11
2 22
3 33
