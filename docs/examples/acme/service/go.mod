module example.com/acme/payments

go 1.23
