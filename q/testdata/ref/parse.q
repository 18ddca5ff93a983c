/ from docs/ref/parse.md (KxSystems/docs)
q)parse "1 2 3 + 5"
+
1 2 3
5
q)parse "{x*x}"
{x*x}
q)parse "1 2 3 +/: 5 7"
(/:;+)
1 2 3
5 7
q)parse "1 2 3 +neg 5 7"
+
1 2 3
(-:;5 7)
q)eval parse "1 2 3 +/: 5 7"
6 7 8
8 9 10
q)eval parse"a::5"
5
q)a
5
q)views[]
`symbol$()
