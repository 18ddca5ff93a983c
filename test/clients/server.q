/ The kt server that the independent clients check (run.sh starts it).
/ Its listening port goes to standard output, for run.sh to read.
seen:()
-1 "port ",string system"p";
