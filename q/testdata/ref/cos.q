/ from docs/ref/cos.md (KxSystems/docs)
q)cos 0.2
0.9800666
q)acos -0.4
1.982313
q)cos (.2;.3 .4)
0.9800666
0.9553365 0.921061
q)acos (.2;.3 .4)
1.369438
1.266104 1.159279
