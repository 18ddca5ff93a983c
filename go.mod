module kt

go 1.26
