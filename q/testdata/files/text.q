/ 0: and 1: text and binary records; run in an empty folder
q)t:([]a:1 2 0N;b:`x`y`z;c:1.5 0n 3;d:("ab";"c,d";enlist "e"))
q)csv 0: t
"a,b,c,d"
"1,x,1.5,ab"
"2,y,,\"c,d\""
",z,3,e"
q)"|" 0: t
"a|b|c|d"
"1|x|1.5|ab"
"2|y||c,d"
"|z|3|e"
q)`:f.csv 0: csv 0: t
`:f.csv
q)read0 `:f.csv
"a,b,c,d"
"1,x,1.5,ab"
"2,y,,\"c,d\""
",z,3,e"
q)t~("JSF*";enlist ",") 0: `:f.csv
1b
q)("JS F";enlist ",") 0: `:f.csv
a b d
-----
1 x  
2 y  
  z  
q)("JSF*";",") 0: 1_read0 `:f.csv
1    2         
x    y     z   
1.5        3   
"ab" "c,d" ,"e"
q)("JFS";4 8 8) 0: ("1   2.5     ab      ";"22  3       c       ")
1   22
2.5 3 
ab  c 
q)-3!"S=;" 0: "a=1;b=2;c=x"
"(`a`b`c;(,\"1\";,\"2\";,\"x\"))"
q)-3!("ii";4 4)1:0x0100000002000000
"(,1i;,2i)"
q)-3!(4 4;"ii")1:0x0000000100000002
"(,1i;,2i)"
q)-3!("ich";4 1 2)1:0x00000000410000FF00000042FFFF
"(0 255i;\"AB\";0 -1h)"
q)`:b 1: 0x0102030405060708
`:b
q)-3!("hh";2 2) 1: (`:b;2;4)
"(,1027h;,1541h)"
q)("DTB";enlist",") 0: ("d,t,b";"2024.01.15,12:30:00.000,1";"2024-01-16,,0")
d          t            b
-------------------------
2024.01.15 12:30:00.000 1
2024.01.16              0
q)-3!("JJ";",") 0: ("1,x";"0W,-0W")
"(1 0W;0N -0W)"
q)("QJ";",") 0: enlist "1"
'type: no column type "Q"
q)("ii";4 3)1:0x0100000002000000
'length: type i has no width 3
q)`:big.csv 0: csv 0: ([]a:til 1000;b:1000#`x`yy`zzz)
`:big.csv
q)n:0
q)(hcount `:big.csv)=.Q.fsn[{n::n+count x};`:big.csv;1000]
1b
q)n
1001
q)s:0
q)(hcount `:big.csv)=.Q.fs[{s::s+sum "J"$first each "," vs/: x except enlist "a,b"};`:big.csv]
1b
q)s
499500
q)t:([]a:1 2;b:`x`y)
q)save `t.csv
`:t.csv
q)read0 `:t.csv
"a,b"
"1,x"
"2,y"
q)save `t.txt
`:t.txt
q)read0 `:t.txt
"a\tb"
"1\tx"
"2\ty"
q)load `t.csv
'nyi: load of .csv text: use 0:
q)`:db dsave `t
`t
q)-9!-8!get `:db/t
a b
---
1 x
2 y
q)save `:db2/t/
`:db2/t/
q)get `:db2/sym
`x`y
