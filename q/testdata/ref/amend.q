/ from docs/ref/amend.md (KxSystems/docs)
q).[1 2; (); 3 4 5]
4 5
q).[1 2; (); :; 3 4 5]
3 4 5
q).[1 2; (); ,; 3 4 5]
1 2 3 4 5
q)@[1 2; ::; *; 3 4]
3 8
q)@[(1 2;4 5); ::; ,; 3 6]
1 2 3
4 5 6
q)@[1 2; ::; 3 4*]
'type
q)(5 2.14; "abc") . 1 2
"c"
q).[(5 2.14; "abc"); 1 2; :; "x"]
5 2.14
"abx"
q)d:("quick";"";"brown";"fox")
q)@[d;where"b"$count each d;,[;"..."]]
"quick..."
""
"brown..."
"fox..."
