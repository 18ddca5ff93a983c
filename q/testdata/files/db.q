/ splayed tables; run in an empty folder
q)t:([]a:1 2 3;s:`x`y`x;c:("ab";enlist "c";"");f:1.5 2 0n)
q)`:db/t/ set t
'type: column s is symbols: enumerate it first (.Q.en)
q)`:db/t/ set .Q.en[`:db] t
`:db/t/
q)sym
`x`y
q)key `:db/t
`.d`a`c`c#`f`s
q)get `:db/t/.d
`a`s`c`f
q)get `:db/sym
`x`y
q)r:get `:db/t
q)r[`a`c`f]~t[`a`c`f]
1b
q)(-8!r)~-8!.Q.en[`:db] t
1b
q)-9!-8!r`s
`x`y`x
q)sym:`a
q)t:0
q)\l db
q)sym
`x`y
q)(t`a)~1 2 3
1b
q)(-8!t)~-8!r
1b
q)`:db/u/ set ([]x:1 2;y:(1 2;3))
'type: column y is neither a vector nor a list of strings
q)`:db/t/ upsert .Q.en[`:db] ([]a:4 5;s:`z`x;c:(enlist "d";"ef");f:0n 7)
`:db/t/
q)count get `:db/t
5
q)-9!-8!(get `:db/t)`s
`x`y`x`z`x
q)(get `:db/t)`c
"ab"
,"c"
""
,"d"
"ef"
q)get `:db/sym
`x`y`z
q)`:db/t/ upsert ([]a:1 2)
'mismatch: the rows' columns are not the table's
q)`:db/t/ upsert .Q.en[`:db] ([]a:1.5;s:`a;c:enlist "x";f:1.)
'type: column a: type
q)count get `:db/t
5
q)big:([]s:100000#`x`y`z)
q)`:db/big/ set .Q.en[`:db] big
`:db/big/
q)b:get `:db/big
q)-9!-8!10#b`s
`x`y`z`x`y`z`x`y`z`x
q)(-8!big)~-8!b
1b
q)big:0
q)\l db/big
q)count big
100000
