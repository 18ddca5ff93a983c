/ from docs/ref/sqrt.md (KxSystems/docs)
q)sqrt -1 0n 0 25 50
0n 0n 0 5 7.071068
q)sqrt 0Wh
181.0166
q)sqrt 101b
1 0 1f
q)sqrt (10;20 30)
3.162278
4.472136 5.477226
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 21 3;4 5 6)
q)sqrt d
a| 3.162278 4.582576 1.732051
b| 2        2.236068 2.44949
q)sqrt t
a        b
-----------------
3.162278 2
4.582576 2.236068
1.732051 2.44949
q)sqrt k
k  | a        b
---| -----------------
abc| 3.162278 2
def| 4.582576 2.236068
ghi| 1.732051 2.44949
