/ from docs/ref/iterators.md (KxSystems/docs)
q)+/[2 3 4]
9
q)*/[2 3 4]
24
q)+/[2 3 4]
9
q)+/[1000000;2 3 4]
1000009
q)'[count][("The";"quick";"brown";"fox")]
3 5 5 3
q)count'[("The";"quick";"brown";"fox")]
3 5 5 3
q)1000000+/2 3 4
1000009
q)+/[2 3 4]
9
q)(+/)2 3 4
9
