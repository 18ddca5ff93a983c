/ from docs/ref/cov.md (KxSystems/docs)
q)2 3 5 7 cov 3 3 5 9
4.5
q)t:([]a:2 3 5 7;b:4 3 0 2)
q)exec a cov b from t
-1.8125
q)2 3 5 7 scov 3 3 5 9
6f
q)t:([]a:2 3 5 7;b:4 3 0 2)
q)exec a scov b from t
-2.416667
