module example.com/goconc-examples

go 1.21
