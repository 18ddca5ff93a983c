/ from docs/ref/equal.md (KxSystems/docs)
q)(3;"a")=(2 3 4;"abc")
010b
100b
