/ opt, step and the optimizer's definition, as ktorch shows them
q)x:tensor(1 2e;`grad)
q)y:tensor(3 4#1f;`grad)
q)o:opt(`sgd;(x;y);.1;.99)
q)opt o
optimizer| `sgd
options  | ,`lr`momentum`dampening`decay`nesterov!(0.1;0.99;0f;0f;0b)
parms    | +`parmgroup`pointer`module`name`size!(0 0;38154240 38154256;``;``;..
q)opt(`sgd;x;(`foo;1))
'unrecognized optimizer setting: foo
q)opt(`sgd;x;(`beta1;1))
'sgd option: beta1 not recognized
q)opt(`sgd;x;.1;0;0;0;1)
'sgd nesterov: expected boolean, given long scalar
q)opt(`sgd;x;`lr`nesterov!(1;2))
'sgd nesterov: expected boolean scalar, given long scalar
q)setting(`alloptions;0b)
q)(opt o)`options
`lr`momentum!0.1 0.99
q)setting(`alloptions;1b)
q)help`optimizer
optimizer pytorch           options                                          ..
-----------------------------------------------------------------------------..
sgd       "torch.optim.SGD" `lr`momentum`dampening`decay`nesterov!(0.01;0f;0f..
q)backward z:mse(x;3 3e)
q)grad x
-2 -1e
q)step o
q)tensor x
1.2 2.1e
q)zerograd o
q)grad x
0 0e
q)nograd o
q)grad x
q)free(x;y;o;z)
q)obj[]
ptr class
---------
