module gcdemo

go 1.19
