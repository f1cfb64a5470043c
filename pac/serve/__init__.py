"""`pac serve`: the catalogue built once, served on 127.0.0.1, and rebuilt page by page as
the portfolio's files are saved.

- `watch.py` notices saved files (by polling, under pac's link policy);
- `session.py` keeps the MkDocs project of the session and rebuilds what a save changed;
- `search.py` merges the search index of a partial build into the whole site's;
- `state.py` is what the builds tell the browsers: the build number, the pages each build
  changed, the findings that stopped a build;
- `server.py` serves the site with a script that reloads a page when it changes;
- `loop.py` runs them together until it is stopped.
"""
