module goconc.dev/corpus

go 1.23
