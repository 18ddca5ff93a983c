/ from docs/ref/like.md (KxSystems/docs)
q)`quick like "qu?ck"
1b
q)`brown like "br[ao]wn"
1b
q)`quickly like "quick*"
1b
q)`quick like "quick"
1b
q)`quick like "quickish"
0b
q)`brawn`brown like "br[^o]wn"
10b
q)(`a`b`c!`quick`brown`fox)like "brown"
a| 0
b| 1
c| 0
