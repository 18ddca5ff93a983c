/ from docs/ref/less-than.md (KxSystems/docs)
/ corrected: the page gives "a"<"abc" as 000b, yet its own "a"<="abc" is 111b and only "a" equals "a": < is 011b
q)(3;"a")<(2 3 4;"abc")
001b
011b
q)(3;"a")<=(2 3 4;"abc")
011b
111b
q)0 1 </:\: 0 1
01b
00b
q)0 1 <=/:\: 0 1
11b
01b
q)(10;20 30)<(50 -20;5)
10b
00b
q)k:`k xkey update k:`abc`def`ghi from t:flip d:`a`b!(10 -21 3;4 5 -6)
q)d<=5
a| 011b
b| 111b
q)t<5
a b
---
0 1
1 0
1 1
q)k<5
k  | a b
---| ---
abc| 0 1
def| 1 0
ghi| 1 1
