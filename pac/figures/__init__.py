"""Figures: numbers derived from a resolved Portfolio (funding, the `pac report` figures,
scorecard levels, graph cycles). No wording: renderers and pages word them."""
