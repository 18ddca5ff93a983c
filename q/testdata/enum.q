/ Enumerations: `d$y, `d?y, `d!i, key, value, indexing, first, last and reverse keep them (docs/ref/enumerate.md, enum-extend.md)
q)d:`a`b`c
q)e:`d$`c`a`b
q)e
`d$`c`a`b
q)type e
20h
q)first e
`d$`c
q)type first e
-20h
q)last e
`d$`b
q)reverse e
`d$`b`a`c
q)e 0 2
`d$`c`b
q)key e
`d
q)value e
`c`a`b
q)e=`a
010b
q)`d$`z
'cast
q)`u?`x`y
`u$`x`y
q)u
`x`y
q)`u?`y`z
`u$`y`z
q)u
`x`y`z
q)`d!0 2
`d$`a`c
q)`d!5
d| 5
q)"i"$e
2 0 1i
q)e in `a`b
011b
