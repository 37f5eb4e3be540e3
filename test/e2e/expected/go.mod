module example.com/webchat

go 1.22
