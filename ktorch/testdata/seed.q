/ seed: the engine's generator of tensor(`rand...) and tensor(`randn...), apart from q's \S.
q)seed 7
q)a:return tensor(`randn;3)
q)seed 7
q)a~return tensor(`randn;3)
1b
q)seed[]
7
q)\S 7
q)b:return tensor(`randn;3)
q)a~b
0b
q)seed `x
'seed: expects a long seed, given symbol
