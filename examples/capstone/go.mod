module capstone

go 1.19
