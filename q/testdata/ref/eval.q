/ from docs/ref/eval.md (KxSystems/docs)
q)parse "2+3"
+
2
3
q)eval parse "2+3"
5
q)eval (+;2;3)
5
