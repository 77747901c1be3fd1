module lab

go 1.21
