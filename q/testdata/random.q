/ Random numbers: roll, deal, permute, rand and \S. kt's generator is its own (q does not
/ publish q's), so these check what any sequence must satisfy, and that a seed repeats it.
q)\S
-314159
q)count 10?10
10
q)all (1000?10) within 0 9
1b
q)type 3?1.0
9h
q)all (1000?1.0) within 0 1
1b
q)type 3?10i
6h
q)type 3?2024.01.01
14h
q)all (100?2024.01.01) within 2000.01.01 2023.12.31
1b
q)count distinct -10?10
10
q)asc -10?10
`s#0 1 2 3 4 5 6 7 8 9
q)asc 0N?til 5
`s#0 1 2 3 4
q)count distinct 0N?`a`b`c`d
4
q)all (20?`a`b`c) in `a`b`c
1b
q)count each string 3?`5
5 5 5
q)all raze (string 10?`3) in "abcdefghijklmnop"
1b
q)-11?10
'length
q)type 2?0Ng
2h
q)count distinct -100?0Ng
100
q)type rand 10
-7h
q)type rand 1.0
-9h
q)rand enlist `x
`x
q)\S 42
q)a:5?100
q)b:5?100
q)\S 42
q)a~5?100
1b
q)b~5?100
1b
q)\S
42
q)3?`
'domain
q)-3?1.0
'type
q)all (30?" ") within "az"
1b
q)type 16?0x0
4h
q)count distinct -256?0x0
256
