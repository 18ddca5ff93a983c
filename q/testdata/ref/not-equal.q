/ from docs/ref/not-equal.md (KxSystems/docs)
q)(3;"a")<>(2 3 4;"abc")
101b
011b
