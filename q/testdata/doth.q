/ .h: markup, HTTP responses and the text forms of data; the outputs are doth.md's
q).h.hu "http://www.kx.com"
"http%3a%2f%2fwww.kx.com"
q).h.uh "http%3a%2f%2fwww.kx.com"
"http://www.kx.com"
q).h.hc "<foo>"
"&lt;foo>"
q).h.hr "foo"
"---"
q).h.htc[`tag;"value"]
"<tag>value</tag>"
q).h.hta[`a;(`href`target)!("http://www.example.com";"_blank")]
"<a href=\"http://www.example.com\" target=\"_blank\">"
q).h.htac[`a;(`href`target)!("http://www.example.com";"_blank");"Example.com Main Page"]
"<a href=\"http://www.example.com\" target=\"_blank\">Example.com Main Page</..
q).h.ha["http://www.example.com";"Example.com Main Page"]
"<a href=\"http://www.example.com\">Example.com Main Page</a>"
q).h.hb["http://www.example.com";"Example.com Main Page"]
"<a target=v href=\"http://www.example.com\">Example.com Main Page</a>"
q).h.nbr "foo bar"
"<nobr>foo bar</nobr>"
q).h.pre("foo";"bar")
"<pre>foo\nbar\n</pre>"
q).h.xmp("foo";"bar")
"<xmp>foo\nbar\n</xmp>"
q).h.text("foo";"bar")
"<p>foo</p>\n<p>bar</p>\n"
q).h.code "foo\tbar"
"foo <code><nobr>bar</nobr></code>"
q).h.code "foo\tbar\tabc\tdef"
"foo <code><nobr>bar</nobr></code> abc <code><nobr>def</nobr></code>"
q).h.code "foo"
"foo"
q).h.sb
"body{font:10pt verdana;text-align:justify}"
q).h.sc
"$-.+!*'(),abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"
q).h.xs "Arthur & Co."
"Arthur &amp; Co."
q).h.iso8601 100
"2000-01-01T00:00:00.000000100"
q).h.hn["404";`txt;"Not found: favicon.ico"]
"HTTP/1.1 404\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Len..
q).h.he "<rubbish>"
"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\..
q).h.cd ([]a:1 2 3;b:`x`y`z)
"a,b"
"1,x"
"2,y"
"3,z"
q).h.cd (`a`b`c;1 2 3;"xyz")
"a,1,x"
"b,2,y"
"c,3,z"
q).h.td ([]a:1 2 3;b:`x`y`z)
"a\tb"
"1\tx"
"2\ty"
"3\tz"
q).h.xd ([]a:1 2 3;b:`x`y`z)
"<R>"
"<r><a>1</a><b>x</b></r>"
"<r><a>2</a><b>y</b></r>"
"<r><a>3</a><b>z</b></r>"
"</R>"
q).h.tx[`json] ([] 0 1)
"{\"x\":0}"
"{\"x\":1}"
q)t:([a:til 3]b:3 3#"abc";c:3 3#1 2 3)
q).h.cd t
"a,b,c"
"0,abc,1 2 3"
"1,abc,1 2 3"
"2,abc,1 2 3"
q).h.html "<p>Hello world!</p>"
"<html><head><style>a{text-decoration:none}a:link{color:024C7E}a:visited{colo..
q).h.ty`csv
"text/comma-separated-values"
q).h.hn["200";`;"abc"]
"HTTP/1.1 200\r\nContent-Type: application/octet-stream\r\nConnection: close\..
q)count[r]-4+first (r:.h.hp " "sv'2#''string 5 10#50?100) ss "\r\n\r\n"
257
q).h.hn["404";`txt;"Not found: favicon.ico"]~"HTTP/1.1 404\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: 22\r\n\r\nNot found: favicon.ico"
1b
q).h.d:"*"
q).h.cd t
"a,b,c"
"0,abc,1*2*3"
"1,abc,1*2*3"
"2,abc,1*2*3"
