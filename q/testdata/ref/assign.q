/ from docs/ref/assign.md (KxSystems/docs)
q)a:42
q)a
42
q)a:3.14159
q)type a:til 5
7h
q)type a:3.14159
-9h
q)s:1 2 3
q)s[1]:4
q)s
1 4 3
q)s[2]:5f
'type
q)s:(1;2f;3)
q)s
1
2f
3
q)s[1]:4
q)s
1 4 3
q)s[1]:5f
'type
q)m:(1 2;3 4)
q)m[1;1]:5
q)m
1 2
3 5
q)d:`tom`dick`harry!1 2 3
q)d[`dick`jane]:100 200
q)d
tom  | 1
dick | 100
harry| 3
jane | 200
q)s:("the";"quick";"brown";"fox")
q)s[1 2],:("er";"ish")
q)s
"the"
"quicker"
"brownish"
"fox"
q)s:("the";"quick";"brown";"fox")
q)@[s;1 2;,;("er";"ish")]
"the"
"quicker"
"brownish"
"fox"
q)bar
'bar
q)bar+:1
q)a:til 5
q)3+a:til 5
3 4 5 6 7
q)1+a[2]+:5
8
q)a
0 1 7 3 4
q)a:3
q)f:(:)
q)f[a;4]
4
q)a
3
q)@[1 2 3 4 5; 2; :; 6]
1 2 6 4 5
q):/[1 2 3 4 5]
5
