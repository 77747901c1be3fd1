module metricslist

go 1.19
