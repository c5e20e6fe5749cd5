"""The `coopex` command line: thin, it parses, calls services and prints."""
