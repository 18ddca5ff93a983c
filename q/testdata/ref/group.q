/ from docs/ref/group.md (KxSystems/docs)
q)group "mississippi"
m| ,0
i| 1 4 7 10
s| 2 3 5 6
p| 8 9
q)count each group "mississippi"
m| 1
i| 4
s| 4
p| 2
q)first each group "mississippi"
m| 0
i| 1
s| 2
p| 8
