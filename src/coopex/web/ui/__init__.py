"""The web UI: server-rendered pages (FastAPI + Jinja2) in Russian, English and Chinese."""
