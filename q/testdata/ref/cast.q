/ from docs/ref/cast.md (KxSystems/docs)
q)"i"$10
10i
q)(`int;"i";6h)$10
10 10 10i
q)`int$(neg\)6.1 6.6
6  7
-6 -7
q)1h$(neg\)1 0 2
101b
101b
q)"x"$3 4 5
0x030405
q)"x"$"abc"
0x616263
q)"x"$-2 -1 0 1 2+0Wi
0xfdfeffffff
q)("*";0h)$1
1 1
q)`float$0Wh
32767f
