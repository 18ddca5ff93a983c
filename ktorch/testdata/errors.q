/ Bad input to every k-api function: the error the reference gives, and the session carries on.
q)loss`foo
'unrecognized loss function: foo
q)loss 1 2 3
'loss: unrecognized arg(s)
q)loss(`mse;`reduce`sum)
,38154240
q)loss(`mse;(`margin;1.0))
'unrecognized option: margin, mse loss expects single option: reduce
q)loss(`ce;(`margin;1.0))
'ce option: margin not recognized
q)loss(`ce;(`foo;1.0))
'unrecognized loss setting: foo
q)loss(`ce;`smoothing,.1e)
'ce smoothing: expected double, given real scalar
q)loss(`huber;1.0;2.0)
'huber: expecting up to 2 additional positional args, 3 given
q)loss(`kl;`max)
'kl reduce:max is not one of none,batchmean,mean,sum
q)loss(`mse;`batchmean)
'mse reduce:batchmean is not one of none,mean,sum
q)loss(`ce;();3i)
'ce ignore: expected long scalar, given int scalar
q)loss(`ce;`reduce`sum`smoothing)
'uneven no. of symbols for name,value pairs: `reduce`sum`smoothing
q)loss(`hinge;1.0;2.0)
'hinge: unrecognized positional arg(s), expecting margin,reduce or both
q)loss(`multisoft;1 2f;1 2f)
'multisoft: unrecognized positional arg(s), expected weights, reduce mode or (weights;reduce mode)
q)loss(`pairwise;(`foo;1.0))
'pairwise: unrecognized option `foo
q)loss(`similar;1;1e-8;3.0)
'similar: expecting up to 3 positional args, 4 given
q)loss(`poissonloss;1)
'poissonloss log: expected boolean scalar, given long scalar
q)loss(`ce;(`weight;`a))
'option: weight is a symbol scalar, expected a numeric scalar/array or previously allocated tensor pointer
q)loss(`ce;(`reduce;1))
'ce reduce: expected symbol, given long scalar
q)loss(`ce;`a`b!1 2)
'unrecognized loss setting: a
q)loss(`ce;(1;2)!(3;4))
'unexpected name,value dictionary with long list as keys: 1 2!3 4
q)loss(`ce;(`smoothing;.1;`reduce))
'uneven no. of elements for name,value pairs in list: (`smoothing;0.1;`reduce)
q)loss(`ce;((`smoothing;.1);(`reduce;`sum;1)))
'name,value pair[1] has 3 elements (expected 2)
q)loss(`ce;((`smoothing;.1);(1;2)))
'name,value pair[1] has no name symbol
q)loss(`ce;(`smoothing;.1;2;`sum))
'unrecognized name for pair, element[2], expected symbol, received: long scalar
q)l:loss`mse
q)loss(l;1 2 3e)
'loss: no calculation implemented for tensor input
q)loss(l;1 2e;1 2e;1 2e)
'mse:  loss calculation not implemented for 3 tensors, e.g. input,target,weight  or input1,input2,target
q)loss(l;1 2e;1 2e;1 2e;1 2e)
'mse: unable to calculate loss given 4 tensors
q)loss(l;1 2e;1 2e;1 2e;1 2e;1 2e)
'loss: no calculation implemented for 5 tensors
q)loss(l;`a;`b)
'loss: unrecognized arg, symbol scalar
q)c:loss`cosineloss
q)loss(c;1 2e;1 2e)
'cosineloss: loss calculation not implemented for single tensor input & target
q)free l
q)loss l
'stale pointer
q)loss(l;1 2e;1 2e)
'stale pointer
q)mse 1 2 3
'mse: loss expects 2-element arg of input & target, 3 value(s) given
q)mse `a`b
'mse: not implemented for symbol list
q)mse(1 2e)
1e
q)mse(1 2 3e;1 2 3e;1 2 3e)
'mse reduce: expected symbol, given real list
q)mse 1 2
'"mse_cpu" not implemented for 'Long'
q)mse(1 2e;1 2 3e)
'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0
q)bce(.5 2e;1 1e)
'all elements of input should be between 0 and 1
q)bce 1
'bce: not implemented for long scalar
q)bce(1 2e)
-100e
q)bce(1 2 3 4)
'bce: unrecognized args, expecting 2-3 elements for input,target,optional weight
q)bcelogit1(1 2e)
-0.6867384e
q)bcelogit2(1 2e;1 2e)
'bcelogit2 expects at least 3 args, input, target & batch weights
q)hinge(1 2e)
1e
q)cosineloss(1 2e;1 2e)
'cosineloss loss expects (input1;input2;target;optional arg(s)..)
q)margin(1 2e;1 2e)
'margin loss expects (input1;input2;target;optional arg(s)..)
q)triplet(1 2e;1 2e)
'triplet loss expects (anchor;positive;negative;optional arg(s)..)
q)triplet 1
'triplet loss not implemented for long scalar
q)ctc(1;2;3)
'ctc loss not implemented for long list
q)ctc 1 2 3
'ctc loss not implemented for long list
q)pairwise 1
'pairwise not implemented for long scalar
q)similar(1 2e)
'similar not implemented for real list
q)help`foo
'help: help topic, `foo
q)options`foo
'options: help topic, `foo
q)help 1
'help: unrecognized arg(s), expecting empty arg, name or object, given long scalar
q)tensor`foo
'unable to translate k symbol scalar to scalar tensor
q)tensor(`randn;`a)
'no torch type found for k: symbol list
q)tensor(1 2;`foo)
'unrecognized tensor option: `foo
q)tensor(`a`b)
'no torch type found for k: symbol list
q)tensor((1 2;3))
'unable to map mixed array to tensor: long scalar encountered at depth 1
q)tensor((1 2;3 4 5))
'dimension mismatch at depth 1, 2 vs 3
q)tensor((1 2;3 4e))
'type mismatch at depth 1, long list vs real list
q)free 1 2
'free: expecting pytorch object or list/dictionary of objects, given long list
q)free(1;2)
'free: expecting pytorch object or list/dictionary of objects, given long list
q)t:tensor 1 2 3e
q)free(t;t)
q)return 1
'return: expecting tensor, vector or dictionary, given long scalar
q)x:tensor 1 2 3e
q)backward x
'element 0 of tensors does not require grad and does not have a grad_fn
q)backward(x;`foo)
'unrecognized setting for backprop: foo, expecting one of: free,retain,create or createfree
q)grad 1
'unexpected arg(s) for gradient, expecting tensor (enlist to return gradient ptr)
q)zerograd 1
'zerograd: not implemented for long scalar
q)step x
'step: not implemented for tensor
q)opt(`adam;x)
'unrecognized optimizer: adam
q)opt(`sgd;x;`a)
'sgd lr: expected long/double scalar, given symbol scalar
q)setting`foo
'unrecognized setting: foo
q)setting(`alloptions;1)
'unable to change setting: alloptions with value 1
q)expand 1
'expand expects (input array/tensor; size) or (input array/tensor; tensor w'size to match)
q)use[1;2]
'use: 1st arg must be tensor, vector or dictionary
q)o:opt(`sgd;x;.1)
q)use[x;o]
'use: unable to re-assign tensor to given optimizer
q)use[o;x]
'use: 1st arg must be tensor, vector or dictionary
q)/ values that would be silent wrong answers: a string is no weight, a null no double
q)bce(.1 .2 .3e;0 1 1e;"mean")
'option: weight is a char list, expected a numeric scalar/array or previously allocated tensor pointer
q)loss(`ce;"abc")
'option: weight is a char list, expected a numeric scalar/array or previously allocated tensor pointer
q)loss(`margin;0N)
'margin margin: expected double, given null long scalar
q)margin(1 2e;2 1e;1 -1e;`margin!0n)
'margin margin: expected double, given null double scalar
q)hinge(1 2e;1 -1e;0N)
'hinge margin: expected double, given null long scalar
q)p:tensor(1 2e;`grad)
q)opt(`sgd;p;0n)
'sgd lr: expected long/double scalar, given null double scalar
q)opt(`sgd;p;0w)
'Invalid learning rate: inf
q)opt(`sgd;p;`lr`momentum!(.1;0n))
'sgd momentum: expected long/double scalar, given null double scalar
q)free p
q)kl(0 2#0e;0 2#0e;`batchmean)
0Ne
q)/ after all that, the session still works
q)mse(1 2 3e;0 2 4e)
0.6666667e
