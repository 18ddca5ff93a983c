/ From a CSV file to a trained tensor: kt examples/csv.q
/ write a table as CSV, load it back with its column types, turn columns into tensors, fit with mse
t:([]x:0.1*til 8;y:1+2*0.1*til 8;w:8#1 2e)
`:/tmp/kt_example/data.csv 0: csv 0: t
-1 "file: ",-3!read0 `:/tmp/kt_example/data.csv;
d:("FFE";enlist ",") 0: `:/tmp/kt_example/data.csv
-1 "loaded: ",-3!meta d;
m:tensor select x,y from d     / the x and y columns as an 8x2 float64 matrix, one row a record
-1 "matrix: ",-3!tensor m;
p:tensor(8#0.0; `grad)          / a parameter to fit to y
y:tensor d`y
l:loss`mse
o:opt(`sgd;p;2.0)
f:{[l;o;p;y] zerograd o; backward z:loss(l;p;y); step o; return z}
r:{[i] f[l;o;p;y]} each til 20
-1 "first and last losses: ",-3!r 0 19;
-1 "fitted: ",-3!tensor p;
-1 "target: ",-3!d`y;
