/ A small training loop: kt examples/train.q
x:tensor(.5 2 4e; `grad)
y:tensor 1 2 3e
l:loss`mse
o:opt(`sgd;x;.1)
f:{[l;o;x;y]
  zerograd o;
  backward z:loss(l;x;y);
  step o;
  return z}
r:{[i] f[l;o;x;y]} each til 5
-1 "losses: ",-3!r;
-1 "x: ",-3!tensor x;
