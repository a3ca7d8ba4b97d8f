module github.com/dockergen/examples/go-hello

go 1.23.0
