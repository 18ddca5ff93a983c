/ error messages
q)undefinedname
'undefinedname
q)1+`a
'type
q)1 2+1 2 3
'length
q)'`custom
'custom
q)'"my error"
'my error
q){x+y}[1;2;3]
'rank
q)1+
+[1]
q)f:{x}; f[1;2]
'rank
