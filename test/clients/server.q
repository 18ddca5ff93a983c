/ The kt server that the independent clients check (run.sh starts it).
/ websockets: a text message is q to evaluate, answered with its value in
/ one line; bytes come back reversed.
.z.ws:{neg[.z.w] $[10h=type x;.Q.s1 value x;reverse x]}
/ its listening port goes to standard output, for run.sh to read
-1 "port ",string system"p";
