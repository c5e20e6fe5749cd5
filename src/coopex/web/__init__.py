"""Web adapters: the JSON API (and, later, the server-rendered UI)."""
