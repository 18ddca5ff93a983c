/ The examples of ktorch's loss page (docs/loss.rst), as a q console prints them.
/ Where the page elides the middle rows of the training run, every row is here; the
/ random batch weights are checked by shape and product, not by value.
q)/ the page was made on a console of 10 rows (\c 10 80): q shows what fits and sizes columns to it
q)\c 10 80
q)help`loss
module     pytorch                        forward result n args              ..
-----------------------------------------------------------------------------..
bce        "torch.nn.BCELoss"             1       tensor 2 `tensor`tensor`ten..
bcelogits  "torch.nn.BCEWithLogitsLoss"   1       tensor 2 `tensor`tensor`ten..
ce         "torch.nn.CrossEntropyLoss"    1       tensor 2 `tensor`tensor    ..
cosineloss "torch.nn.CosineEmbeddingLoss" 1       tensor 3 `tensor`tensor`ten..
ctc        "torch.nn.CTCLoss"             1       tensor 4 `tensor`tensor`ten..
..
q)\c 25 80
q)help`ce
module | `ce
pytorch| "torch.nn.CrossEntropyLoss"
forward| 1b
result | `tensor
n      | 2
args   | `tensor`tensor
options| `weight`ignore`smoothing`reduce!(::;-100;0f;`mean)
q)options`ce
weight   | ::
ignore   | -100
smoothing| 0f
reduce   | `mean
q)l:loss(`mse;`none)  /no reduction
q)show tensor t:loss(l; 1 2 3e; 0 2 4e); free(l;t)
1 0 1e
q)l:loss(`mse;`sum)  /sum losses
q)show tensor t:loss(l; 1 2 3e; 0 2 4e); free(l;t)
2e
q)l:loss(`mse;`mean)
q)show tensor t:loss(l; 1 2 3e; 0 2 4e); free(l;t)
0.6666667e
q)select module, options from help`loss where not (last key@)'[options]=`reduce
module   options                     
-------------------------------------
pairwise `p`eps`keepdim!(2f;1e-06;0b)
similar  `dim`eps!(1;1e-08)          
q)options`ce
weight   | ::
ignore   | -100
smoothing| 0f
reduce   | `mean
q)l:loss(`ce; .25 .25 .12 .38; -100; .1; `mean)
q)options l
weight   | 0.25 0.25 0.12 0.38
ignore   | -100
smoothing| 0.1
reduce   | `mean
q)l:loss(`ce; `smoothing,.1)
q)options l
weight   | ::
ignore   | -100
smoothing| 0.1
reduce   | `mean
q)l1:loss(`ce; `smoothing`reduce!(.1;`none))
q)l2:loss(`ce; (`smoothing;.1;`reduce;`none))
q)l3:loss(`ce; ((`smoothing;.1); (`reduce;`none)))
q)options each (l1;l2;l3)
weight ignore smoothing reduce
------------------------------
::     -100   0.1       none  
::     -100   0.1       none  
::     -100   0.1       none  
q)l:loss(`ce; 0.0,4#5%4; `reduce`none)
q)options l
weight   | 0 1.25 1.25 1.25 1.25
ignore   | -100
smoothing| 0f
reduce   | `none
q)l:loss(`ce; (); -100; .1; `none)
q)loss l
module | `ce
options| `weight`ignore`smoothing`reduce!(::;-100;0.1;`none)
q)loss(l;0b)
module | `ce
options| `smoothing`reduce!(0.1;`none)
q)x:tensor(.5 2 4e; `grad)
q)y:tensor  1 2 3e
q)l:loss`mse
q)o:opt(`sgd;x;.1)
q)f:{[l;o;x;y;z]zerograd o; backward z:loss(l;x;y); step o; `loss`x!(return z;tensor x)}
q){.1<first x} f[l;o;x;y]\`loss`x!(0we;tensor x)
loss       x                   
-------------------------------
0w         0.5       2 4       
0.4166667  0.5333334 2 3.933333
0.362963   0.5644445 2 3.871111
0.3161811  0.5934815 2 3.813037
0.2754289  0.6205828 2 3.758835
0.2399291  0.6458772 2 3.708246
0.2090049  0.6694854 2 3.661029
0.1820664  0.6915197 2 3.616961
0.1586001  0.7120851 2 3.57583 
0.1381583  0.7312794 2 3.537441
0.1203512  0.7491941 2 3.501612
0.1048393  0.7659145 2 3.468171
0.09132666 0.7815202 2 3.43696 
q)-3#{1e-06<first x} f[l;o;x;y]\`loss`x!(0we;tensor x)
loss         x                   
---------------------------------
1.278361e-06 0.9991827 2 3.001635
1.113556e-06 0.9992372 2 3.001526
9.70067e-07  0.999288  2 3.001424
q)x:tensor .5 2 5e
q)y:tensor  1 2 3e
q)tensor z:mse(x;y)
1.416667e
q)use[z]mse(x;y;`none)
q)tensor z
0.25 0 4e
q)mse(1 3 6 9.0; 1 2 4 8.0)
1.5
q)mse(1 3 6 9.0; 1 2 4 8.0; `none)
0 1 4 1f
q)select module,pytorch,args from help`loss where not args~\:2#`tensor
module     pytorch                        args                        
----------------------------------------------------------------------
bce        "torch.nn.BCELoss"             `tensor`tensor`tensor       
bcelogits  "torch.nn.BCEWithLogitsLoss"   `tensor`tensor`tensor       
cosineloss "torch.nn.CosineEmbeddingLoss" `tensor`tensor`tensor       
ctc        "torch.nn.CTCLoss"             `tensor`tensor`tensor`tensor
margin     "torch.nn.MarginRankingLoss"   `tensor`tensor`tensor       
triplet    "torch.nn.TripletMarginLoss"   `tensor`tensor`tensor       
q)l:loss(`bce;`none)
q)a:tensor 0.1 .9 .5e
q)b:tensor 0 1 2e
q)tensor r:loss(l;a;b)
0.1053605 0.1053605 0.6931472e
q)w:tensor 1 1.1 .5
q)use[r]loss(l;a;b;w)
q)tensor r
0.1053605 0.1158966 0.3465736e
q)bce(0.1 .9 .5e; 0 1 2e; 1 1.1 .5; `none)
0.1053605 0.1158966 0.3465736e
q)options`bcelogits
weight| ::
reduce| `mean
q)l:loss(`bcelogits; 5#1.0; `none)   /same wt for each of 5 classes
q)options l
weight| 1 1 1 1 1f
reduce| `none
q)tensor r:loss(l; 3 5#1.5e; 3 5#1e)
0.2014133 0.2014133 0.2014133 0.2014133 0.2014133
0.2014133 0.2014133 0.2014133 0.2014133 0.2014133
0.2014133 0.2014133 0.2014133 0.2014133 0.2014133
q)l:loss(`bcelogits; 1 .1 1.5 2 .25; `none)
q)tensor r:loss(l; 3 5#1.5e; 3 5#1e)
0.2014133 0.02014133 0.30212 0.4028267 0.05035333
0.2014133 0.02014133 0.30212 0.4028267 0.05035333
0.2014133 0.02014133 0.30212 0.4028267 0.05035333
q)l:loss(`bcelogits; 1 .1 1.5 2 .25; `none)
q)tensor r:loss(l; 3 5#1.5e; 3 5#1e)
0.2014133 0.02014133 0.30212 0.4028267 0.05035333
0.2014133 0.02014133 0.30212 0.4028267 0.05035333
0.2014133 0.02014133 0.30212 0.4028267 0.05035333
q)/ the batch weights are random: check the shape, and that each row is the class-weighted loss times its weights
q)w:tensor(`randn; 3 5)  /random batch-level weights
q)r0:loss(l; 3 5#1.5e; 3 5#1e)
q)r:loss(l; 3 5#1.5e; 3 5#1e; w)
q)count each tensor r
5 5 5
q)all 1e-6>abs raze(tensor r)-(tensor w)*\:first tensor r0
1b
q)free(w;r;r0)
q)\P 4
q)bcelogit1(3 5#1.5e; 3 5#1e;`none)
0.2014 0.2014 0.2014 0.2014 0.2014
0.2014 0.2014 0.2014 0.2014 0.2014
0.2014 0.2014 0.2014 0.2014 0.2014
q)bcelogit1(3 5#1.5e; 3 5#1e; .25 .5 1 2 4e; `none)
0.05035 0.1007 0.2014 0.4028 0.8057
0.05035 0.1007 0.2014 0.4028 0.8057
0.05035 0.1007 0.2014 0.4028 0.8057
q)show w:expand(3 1#.1 1 2e;-1 5)
0.1 0.1 0.1 0.1 0.1
1   1   1   1   1  
2   2   2   2   2  
q)bcelogit2(3 5#1.5e; 3 5#1e; w; .25 .5 1 2 4e; `none)
0.005035 0.01007 0.02014 0.04028 0.08057
0.05035  0.1007  0.2014  0.4028  0.8057 
0.1007   0.2014  0.4028  0.8057  1.611  
