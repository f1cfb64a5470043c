"""Changes: what a change does to a portfolio. `entities` diffs two portfolios, `diff` is
`pac diff`'s comparison of two validated versions, `changelog` walks the git history."""
