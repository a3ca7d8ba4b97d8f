# A naive single-stage Go image, as many projects start: the whole tree copied before the module
# download, the full toolchain image shipped, root as the user.
FROM golang:1.23
WORKDIR /app
COPY . .
RUN go mod download
RUN go build -o /app/server .
EXPOSE 8080
CMD ["/app/server"]
