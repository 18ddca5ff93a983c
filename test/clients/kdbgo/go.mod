module kt/test/clients/kdbgo

go 1.26

require github.com/sv/kdbgo v0.20.0

require github.com/nu7hatch/gouuid v0.0.0-20131221200532-179d4d0c4d8d
