"""Site search: one engine for the served and the offline build.

At build time an MkDocs plugin (`plugin.py`) cuts every searchable page into
answer units (`units.py`: an FAQ question with its answer, an SOP step, a whole
case study), scores their words (`tokens.py`, `index.py`) and writes the index as
small `.js` shards that a `<script>` tag loads, over HTTP and from `file://`
alike. In the browser one query module (`assets/search-core.js`) applies the
team's rules from `site_config/search.yaml` (`rules.py` checks them) and ranks.
"""
