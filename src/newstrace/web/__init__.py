"""The web UI and HTTP API over the core: ``web.app.create_app`` and ``web.serve.serve``."""
