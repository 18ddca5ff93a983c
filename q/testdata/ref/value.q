/ from docs/ref/value.md (KxSystems/docs)
q)value `q`w`e!(1 2;3 4;5 6)
1 2
3 4
5 6
q)a:1 2 3
q)value `a
1 2 3
q)value "enlist a:til 5"
0 1 2 3 4
q)value "{x*x}"
{x*x}
q)value "iasc 2 7 3 1"
3 0 2 1
q)value(+;1;2)
3
q)/ If the first item is a string or symbol, it is evaluated first
q)value(`.q.neg;2)
-2
q)value("{x+y}";1;2)
3
q)value +[2]
+
2
q)f:,/:\:
q)value f
,/:
q)value each (::;+;-;*;%)
0 1 2 3 4
q)get "2+3"
5
q)value each (get;value)
19 19
