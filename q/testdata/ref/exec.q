/ from docs/ref/exec.md (KxSystems/docs)
/ exec.md shows t without defining it; its definition is the one in docs/ref/select.md, and the
/ first case checks that the table is the one exec.md shows.
q)t:([] name:`tom`dick`harry`jack`jill;sex:`m`m`m`m`f;eye:`blue`green`blue`blue`gray)
q)t
name  sex eye
---------------
tom   m   blue
dick  m   green
harry m   blue
jack  m   blue
jill  f   gray
q)select name, distinct eye from t
'length
q)exec name, distinct eye from t
name| `tom`dick`harry`jack`jill
eye | `blue`green`gray
