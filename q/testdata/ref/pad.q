/ from docs/ref/pad.md (KxSystems/docs)
q)9$"foo"
"foo      "
q)-9$"foo"
"      foo"
q)9$("The";("fox";("jumps";"over"));("the";"dog"))
"The      "
("fox      ";("jumps    ";"over     "))
("the      ";"dog      ")
q)-9$`a`b`c!("quick";"brown";"fox")
a| "    quick"
b| "    brown"
c| "      fox"
q)-9$string([]a:`quick`brown`fox;b:`jumps`over`the)
a           b
-----------------------
"    quick" "    jumps"
"    brown" "     over"
"      fox" "      the"
q)9$("quick";"brown";"fox")
"quick    "
"brown    "
"fox      "
q)9h$("quick";"brown";"fox")
113 117 105 99 107f
98 114 111 119 110f
102 111 120f
