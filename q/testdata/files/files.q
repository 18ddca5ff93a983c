/ files: set get, the file keywords, -8! -9! -18!; run in an empty folder
q)-8!1i
0x010000000d000000fa01000000
q)-8!enlist 1i
0x010000001200000006000100000001000000
q)-8!`a`b!2 3i
0x0100000021000000630b0002000000610062000600020000000200000003000000
q)0x010000003f000000636200630b00010000006100000001000000060001000000020000006200630b0001000000620000000100000006000100000003000000~-8!([a:enlist 2i]b:enlist 3i)
1b
q)-8!{x+y}
0x010000001500000064000a00050000007b782b797d
q)-9!-8!{x+y}
{x+y}
q)(-9!-8!{x+y})[2;3]
5
q)-8!(+/)
0x010000000b0000006b6601
q)-9!-8!(+/)
+/
q)-9!-8!(1+)
+[1]
q)-8!(-:)
0x010000000a0000006502
q)-9!0x010000000a0000006502
-:
q)-9!0x000000000000000dfa00000001
1i
q)-9!0x010000000e000000807479706500
'type
q)-9!0x010000000d000000fa010000
'badmsg
q)-9!0x01000000120000000000ffffff7f00000000
'badmsg
q)count -18!til 1000
3276
q)(til 1000)~-9!-18!til 1000
1b
q)-8!sum
'nyi: serializing sum
q)`:v set 1 2 3
`:v
q)16#read1 `:v
0xfe200700000000000300000000000000
q)get `:v
1 2 3
q)hcount `:v
40
q)-7!`:v
40
q)`:t set ([]a:1 2 3;b:`x`y`z;c:("ab";"c";""))
`:t
q)get `:t
a b c   
--------
1 x "ab"
2 y "c" 
3 z ""  
q)`:d/e/a set `a`b!(1;"x")
`:d/e/a
q)get `:d/e/a
a| 1
b| "x"
q)key `:.
`d`t`v
q)key `:d/e
,`a
q)key `:v
`:v
q)key `:nothere
q)()~key `:nothere
1b
q)get `:nothere
'nothere. OS reports: No such file or directory
q)`:v/x set 1
'v/x. OS reports: Not a directory
q)hdel `:nothere
'nothere. OS reports: No such file or directory
q)hsym `a
`:a
q)hsym `a`:b
`:a`:b
q)h:hopen `:txt
q)h "abc"
3i
q)neg[h] ("de";"f")
-3i
q)hclose h
q)read0 `:txt
"abcde"
,"f"
q)read1 (`:txt;1;3)
0x626364
q)read1 (`:txt;5;100)
0x0a660a
q)`:l set ()
`:l
q)h:hopen `:l
q)h enlist (1 2;3)
3i
q)h `a
3i
q)get `:l
(1 2;3)
`a
q)hclose h
q)hdel `:l
`:l
q)key `:l
q)t:([]x:1 2;y:3 4.)
q)save `t
`:t
q)t:0
q)load `t
`t
q)t
x y
---
1 3
2 4
q)hopen "/"
'type: hopen takes a port, `:host:port[:user:password], (address;timeout) or a file symbol
q)`:real 1: 0xff01000000000000000000000000
`:real
q)h:hopen `:real
q)h (1 2;3)
3i
q)hclose h
q)(read1 `:real)~0xff0100000000000000000200000007000200000001000000000000000200000000000000f90300000000000000
1b
q)get `:real
1 2
3
q)`:big set til 100000
`:big
q)x:get `:big
q)x~til 100000
1b
q)x[0]:7
q)first x
7
q)first get `:big
0
q)`:big set 2*til 100000
`:big
q)(sum x;sum get `:big)
4999950007 9999900000
q)(`:za;17;2;9) set 1000#enlist 1 2 3
`:za
q)(get `:za)~1000#enlist 1 2 3
1b
q)8#read1 `:za
0x6b787a6970706564
q)(hcount `:za)<count -8!1000#enlist 1 2 3
1b
q)`:zb set til 100000
`:zb
q)-19!(`:zb;`:zc;12;2;6)
`:zc
q)(get `:zc)~til 100000
1b
q)(`:zd;17;1;0) set 1 2
'nyi: compression algorithm 1
q).z.zd:17 2 6
q)`:ze set til 100000
`:ze
q)(hcount `:ze)<hcount `:zb
1b
q)(get `:ze)~til 100000
1b
q)`:av set 1 2 3
`:av
q).[`:av;();,;4 5]
`:av
q).[`:av;();,;6]
`:av
q)get `:av
1 2 3 4 5 6
q)@[`:av;0 1;:;10 20]
`:av
q)get `:av
10 20 3 4 5 6
q)@[`:av;::;neg]
`:av
q)get `:av
-10 -20 -3 -4 -5 -6
q).[`:av;();,;`a]
'type: av holds a vector of longs
q)get `:av
-10 -20 -3 -4 -5 -6
q)`:av upsert 7 8
`:av
q)get `:av
-10 -20 -3 -4 -5 -6 7 8
q).[`:anew;();,;1 2]
`:anew
q)get `:anew
1 2
q)@[`:anot;0;:;1]
'anot. OS reports: No such file or directory
q)`:al set (1 2;`a)
`:al
q).[`:al;();,;enlist "xy"]
`:al
q)get `:al
1 2
`a
"xy"
q)`:ad set `a`b!1 2
`:ad
q)@[`:ad;`c;:;3]
`:ad
q)get `:ad
a| 1
b| 2
c| 3
q)`:at/ set ([]a:1 2;b:3 4)
`:at/
q).[`:at/;();,;([]a:3;b:5)]
`:at/
q)get `:at/
a b
---
1 3
2 4
3 5
q)@[`:at/;`a;`p#]
'nyi: amending a splayed table on disk other than appending rows (.[`:t/;();,;rows])
