module example.com/chatapp

go 1.19
