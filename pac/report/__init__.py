"""Reporters: results -> text in one format. Each module imports only what it needs, so
that `pac changelog` does not load the models that `pac validate` reports on."""
