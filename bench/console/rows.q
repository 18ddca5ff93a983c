/ The console rows of kt's speed (issue: speed where users feel it), as a user meets them:
/ each row warms up, then \t:n times n calls; kt prints "<row> <ms per call>".
/ Run by bench/console.sh beside bench/console/rows.py (torch), one thread.
n:10
row:{[name;g] g[]; g[]; `bf set g; -1 name," ",string (system "t:",string[n]," bf[]")%n;}
/ SGD with momentum .9 on a 1e7 float32 parameter
p:tensor(`randn;10000000;`float`grad)
q:tensor(`randn;10000000;`float)
lm:loss`mse
o:opt(`sgd;p;.01;.9)
{[] backward w:loss(lm;p;q); free w}[]
row["sgd_momentum_step";{[] step o}]
/ a recorded forward freed without a backward: mse 1e7, the input needs a gradient
row["mse_forward_free";{[] free loss(lm;p;q)}]
/ mse 1e7: forward, backward, free, zerograd
row["mse_fwd_bwd";{[] backward w:loss(lm;p;q); free w; zerograd p}]
/ bcelogits 1e7: forward, backward, free, zerograd
bl:tensor(`rand;10000000;`float)
lb:loss`bcelogits
row["bcelogits_fwd_bwd";{[] backward w:loss(lb;p;bl); free w; zerograd p}]
/ cross entropy 4096x1000: forward, backward, free, zerograd
c:tensor(`randn;4096 1000;`float`grad)
ct:tensor 4096?1000
lc:loss`ce
row["ce_fwd_bwd";{[] backward w:loss(lc;c;ct); free w; zerograd c}]
\\
