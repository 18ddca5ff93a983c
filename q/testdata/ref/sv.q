/ from docs/ref/sv.md (KxSystems/docs)
q)"," sv ("one";"two";"three")
"one,two,three"
q)"\t" sv ("one";"two";"three")
"one\ttwo\tthree"
q)", " sv ("one";"two";"three")
"one, two, three"
q)"." sv string 192 168 1 23
"192.168.1.23"
q)` sv ("one";"two";"three")
"one\ntwo\nthree\n"
q)` sv `quick`brown`fox
`quick.brown.fox
q)`$"."sv string `quick`brown`fox
`quick.brown.fox
q)0x03 sv 0x02 vs 0x0102010201
0x0103010301
q)0x0203 sv 0x0203 vs "x"$til 6
0x000102030405
q)0x02 sv (enlist 0x01;enlist 0x01;enlist 0x01)
0x0102010201
q)` sv `mywork`dat
`mywork.dat
q)10 sv 2 3 5 7
2357
q)100 sv 2010 3 17
20100317
q)0 24 60 60 sv 2 3 5 7
183907
q)baseval:{y wsum reverse prds 1,reverse 1_x}
q)baseval[0 24 60 60;2 3 5 7]
183907f
q)0x0 sv "x" $0 255
255h
q)0x0 sv "x" $128 255
-32513h
q)0x0 sv "x" $0 64 128 255
4227327i
q)0x0 sv "x" $til 8
283686952306183
q)256 sv til 8
283686952306183
q)show a:0x0 vs 3.1415
0x400921cac083126f
q)0b sv 64#1b
-1
q)0b sv 32#1b
-1i
q)0b sv 16#1b
-1h
q)0b sv 8#1b
0xff
q)0b sv 10001100011010111000101101100100011010000001010101100000100001000000101000111110000101111000010000000001001001010001101101101000b
8c6b8b64-6815-6084-0a3e-178401251b68
