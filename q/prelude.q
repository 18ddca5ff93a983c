/ The .Q utilities that are plain q, evaluated into every session.
.Q.a:"abcdefghijklmnopqrstuvwxyz"
.Q.A:"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
.Q.n:"0123456789"
.Q.nA:.Q.n,.Q.A
.Q.an:.Q.a,.Q.A,"_",.Q.n
.Q.t:" bg xhijefcspmdznuvt"
.Q.dd:{` sv x,`$string y}
.Q.addmonths:{("d"$m+y)+x-"d"$m:`month$x}
.Q.ff:{c:cols[y] except cols x; $[count c;x,'flip c!(count x)#/:value c#y 0N;x]}
.Q.x:{$[count i:where x like "-[^0-9]*";i[0]#x;x]}
