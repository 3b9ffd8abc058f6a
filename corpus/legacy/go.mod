module goconc.dev/corpus/legacy

go 1.21
