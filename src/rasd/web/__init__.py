"""The web portal and REST API: `rasd serve` (rasd.web.app.create_app)."""
