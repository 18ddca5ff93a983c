/ from docs/ref/keys.md (KxSystems/docs)
/ The docs load trade.q from disk; the stand-in below is a one-row unkeyed table with the
/ non-temporal columns the docs show. The outputs taken do not depend on the table's rows.
/ corrected: the page shows `sym xkey`trade printing nothing, and the same call on its xkey section printing `trade: a table passed by name returns the name
q)/ stand-in for: \l trade.q
q)trade:([]sym:enlist`a;price:enlist 10.75;size:enlist 100)
q)keys trade
`symbol$()
q)keys`trade
`symbol$()
q)`sym xkey`trade
`trade
q)keys`trade
,`sym
q)trade:([]sym:enlist`a;price:enlist 10.75;size:enlist 100)
q)keys trade
`symbol$()
q)`sym xkey `trade
`trade
q)keys trade
,`sym
