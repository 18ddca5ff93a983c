/ output: show, 0N!, handles, value display rules
q)show 1 2 3
1 2 3
q)show `a`b!1 2
a| 1
b| 2
q)0N!1 2
1 2
1 2
q)a:0N!`x
`x
q)-1 "hello";
hello
q)-1 "hello"
hello
-1
q)1 "no newline\n";
no newline
q)-1 ("ab";"cd");
ab
cd
q)x:1
q)x
1
q)x;
q)::
q)show "text"
"text"
q)`a set 5
`a
q)a
5
q)get `a
5
q)value `a
5
q)value `a`b!1 2
1 2
q)string 1
,"1"
