module godebug

go 1.19
