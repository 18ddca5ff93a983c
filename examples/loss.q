/ The examples of ktorch's loss page, in order: run with  kt -e < examples/loss.q
/ the page was made on a console of 10 rows (\c 10 80): q shows what fits and sizes columns to it
\c 10 80
help`loss
\c 25 80
help`ce
options`ce
l:loss(`mse;`none)  /no reduction
show tensor t:loss(l; 1 2 3e; 0 2 4e); free(l;t)
l:loss(`mse;`sum)  /sum losses
show tensor t:loss(l; 1 2 3e; 0 2 4e); free(l;t)
l:loss(`mse;`mean)
show tensor t:loss(l; 1 2 3e; 0 2 4e); free(l;t)
select module, options from help`loss where not (last key@)'[options]=`reduce
options`ce
l:loss(`ce; .25 .25 .12 .38; -100; .1; `mean)
options l
l:loss(`ce; `smoothing,.1)
options l
l1:loss(`ce; `smoothing`reduce!(.1;`none))
l2:loss(`ce; (`smoothing;.1;`reduce;`none))
l3:loss(`ce; ((`smoothing;.1); (`reduce;`none)))
options each (l1;l2;l3)
l:loss(`ce; 0.0,4#5%4; `reduce`none)
options l
l:loss(`ce; (); -100; .1; `none)
loss l
loss(l;0b)
x:tensor(.5 2 4e; `grad)
y:tensor  1 2 3e
l:loss`mse
o:opt(`sgd;x;.1)
f:{[l;o;x;y;z]zerograd o; backward z:loss(l;x;y); step o; `loss`x!(return z;tensor x)}
{.1<first x} f[l;o;x;y]\`loss`x!(0we;tensor x)
-3#{1e-06<first x} f[l;o;x;y]\`loss`x!(0we;tensor x)
x:tensor .5 2 5e
y:tensor  1 2 3e
tensor z:mse(x;y)
use[z]mse(x;y;`none)
tensor z
mse(1 3 6 9.0; 1 2 4 8.0)
mse(1 3 6 9.0; 1 2 4 8.0; `none)
select module,pytorch,args from help`loss where not args~\:2#`tensor
l:loss(`bce;`none)
a:tensor 0.1 .9 .5e
b:tensor 0 1 2e
tensor r:loss(l;a;b)
w:tensor 1 1.1 .5
use[r]loss(l;a;b;w)
tensor r
bce(0.1 .9 .5e; 0 1 2e; 1 1.1 .5; `none)
options`bcelogits
l:loss(`bcelogits; 5#1.0; `none)   /same wt for each of 5 classes
options l
tensor r:loss(l; 3 5#1.5e; 3 5#1e)
l:loss(`bcelogits; 1 .1 1.5 2 .25; `none)
tensor r:loss(l; 3 5#1.5e; 3 5#1e)
l:loss(`bcelogits; 1 .1 1.5 2 .25; `none)
tensor r:loss(l; 3 5#1.5e; 3 5#1e)
/ the batch weights are random: check the shape, and that each row is the class-weighted loss times its weights
w:tensor(`randn; 3 5)  /random batch-level weights
r0:loss(l; 3 5#1.5e; 3 5#1e)
r:loss(l; 3 5#1.5e; 3 5#1e; w)
count each tensor r
all 1e-6>abs raze(tensor r)-(tensor w)*\:first tensor r0
free(w;r;r0)
\P 4
bcelogit1(3 5#1.5e; 3 5#1e;`none)
bcelogit1(3 5#1.5e; 3 5#1e; .25 .5 1 2 4e; `none)
show w:expand(3 1#.1 1 2e;-1 5)
bcelogit2(3 5#1.5e; 3 5#1e; w; .25 .5 1 2 4e; `none)
