/ cond, if, do, while
q)$[1b;`a;`b]
`a
q)$[0b;`a;`b]
`b
q)$[0b;`a;0b;`b;`c]
`c
q)$[0b;`a;1b;`b;`c]
`b
q)f:{r:0; do[x; r+:2]; r}
q)f 3
6
q)g:{r:1; while[r<x; r*:2]; r}
q)g 100
128
q)h:{r:`none; if[x>5; r:`big]; r}
q)h 3
`none
q)h 7
`big
q)i:0; while[i<3; i+:1]; i
3
