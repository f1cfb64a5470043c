"""Loading: a portfolio's files (working tree or git revision) -> parsed documents -> the
resolved Portfolio and the findings of reading it. Never raises on bad input."""
