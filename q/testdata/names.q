q)/ key, keys and xkey read a symbol as a global's name
q)d:`p`q!1 2
q)key `d
`p`q
q)key `nosuchname
q)()~key `nosuchname
1b
q)n:5
q)key `n
`n
q)t:([]s:`a`b;v:1 2)
q)keys `t
`symbol$()
q)`s xkey `t
`t
q)keys `t
,`s
q)t
s| v
-| -
a| 1
b| 2
q)views[]
`symbol$()
