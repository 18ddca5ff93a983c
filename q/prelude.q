/ The .Q and .h utilities that are plain q, evaluated into every session.
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
/ .h: markup, HTTP responses and the text forms of data, as far as kt builds them
.h.br:"<br>"
.h.c0:`024C7E
.h.c1:`958600
.h.d:" "
.h.HOME:"html"
.h.sc:"$-.+!*'(),",.Q.a,.Q.A,"_",.Q.n
.h.sa:"a{text-decoration:none}a:link{color:",(string .h.c0),"}a:visited{color:",(string .h.c0),"}a:active{color:",(string .h.c1),"}"
.h.sb:"body{font:10pt verdana;text-align:justify}"
.h.ty:`htm`html`csv`txt`xml`xls`gif`png`jpg`jpeg`svg`ico`js`css`json`pdf`zip!("text/html";"text/html";"text/comma-separated-values";"text/plain";"text/plain";"application/msexcel";"image/gif";"image/png";"image/jpeg";"image/jpeg";"image/svg+xml";"image/x-icon";"application/javascript";"text/css";"application/json";"application/pdf";"application/zip")
.h.hu:{raze {$[x in .h.sc;enlist x;"%",raze string `byte$x]} each x}
.h.uh:{p:"%" vs x;(first p),raze {$[2>count x;"%",x;("c"$"X"$2#x),2_x]} each 1_p}
.h.hc:{ssr[x;"<";"&lt;"]}
.h.xs:{raze {$[x="&";"&amp;";x="<";"&lt;";x=">";"&gt;";x="\"";"&quot;";x="'";"&apos;";enlist x]} each x}
.h.hr:{count[x]#"-"}
.h.htc:{"<",s,">",y,"</",(s:string x),">"}
.h.hta:{"<",(string x),(raze {" ",(string x),"=\"",y,"\""}'[key y;value y]),">"}
.h.htac:{.h.hta[x;y],z,"</",(string x),">"}
.h.ha:{"<a href=",$[10h=type x;"\"",x,"\"";string x],">",y,"</a>"}
.h.hb:{"<a target=v href=",$[10h=type x;"\"",x,"\"";string x],">",y,"</a>"}
.h.nbr:{"<nobr>",x,"</nobr>"}
.h.pre:{"<pre>",(raze x,\:"\n"),"</pre>"}
.h.xmp:{"<xmp>",(raze x,\:"\n"),"</xmp>"}
.h.text:{raze {"<p>",x,"</p>\n"} each x}
.h.code:{" " sv @[s;1+2*til count[s:"\t" vs x] div 2;{"<code><nobr>",x,"</nobr></code>"}]}
.h.html:{"<html><head><style>",.h.sa,.h.sb,"</style></head><body>",x,"</body></html>"}
.h.ka:{$[x>0;"keep-alive";"close"]}
.h.hn:{"HTTP/1.1 ",x,"\r\nContent-Type: ",$[y in key .h.ty;.h.ty y;"application/octet-stream"],"\r\nConnection: close\r\nContent-Length: ",(string count z),"\r\n\r\n",`char$z}
.h.hy:{.h.hn["200 OK";x;y]}
.h.hp:{.h.hy[`htm] "<html><head><style>",.h.sb,"</style></head><body><pre>",(raze x,\:"\n"),"</pre></body></html>"}
.h.he:{.h.hn["400 Bad Request";`txt;"'",.h.hc x]}
.h.iso8601:{s:string `timestamp$x;ssr[10#s;".";"-"],"T",11_s}
.h.val:value
.h.cd:{$[98h=type t:$[99h=type x;0!x;x];"," 0: @[t;where {(0h=type x)&not all 10h=type each x} each flip t;{.h.d sv/: string x}];"," sv' flip string x]}
.h.td:{"\t" 0: $[99h=type x;0!x;x]}
.h.xd:{t:$[99h=type x;0!x;x];(enlist "<R>"),({[c;r]"<r>",(raze {"<",x,">",y,"</",x,">"}'[c;r]),"</r>"}[string cols t] each flip .h.xs each' {$[10h=type x;x;string x]} each value flip t),enlist "</R>"}
.h.tx:`raw`json`csv`txt`xml!(enlist;{.j.j each $[99h=type x;0!x;x]};.h.cd;.h.td;.h.xd)
