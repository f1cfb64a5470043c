"""Renderers: results -> text in one format, in modules named after the command whose output
they write. Each imports only what it needs, so that `pac changelog` does not load the models
that `pac validate` reports on; none imports another command's renderer."""
