/ tensor of a table: rows are records, columns columns, one dtype
q)t:([]a:1 2 3.;b:4 5 6.)
q)x:tensor t
q)tensor x
1 4
2 5
3 6
q)(tensor x)~flip value flip t
1b
q)tensor y:tensor ([]a:1 2e;b:3 4e)
1 3
2 4
q)-3!tensor z:tensor ([k:`a`b]a:1 2;b:3 4)
"(1 3;2 4)"
q)tensor ([]a:1 2;b:3 4.)
'type mismatch in column b, long list vs double list
q)tensor ([]a:`x`y)
'no torch type found for k: symbol list
q)t~flip cols[t]!flip tensor x
1b
