"""Sphinx configuration: Markdown pages (myst-parser), API from docstrings (autodoc), furo theme.

Builds offline: no intersphinx inventories. ``sphinx-build -W -b html docs docs/_build`` in CI.
"""

from __future__ import annotations

import wikirel

project = "wikirel"
author = "wikirel developers"
copyright = "2026, wikirel developers"
release = version = wikirel.__version__

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
# attrs generates __init__ and fields; documenting them twice only adds noise.
autodoc_inherit_docstrings = False
suppress_warnings = ["myst.xref_missing"]
nitpicky = False
html_theme = "furo"
html_title = f"wikirel {release}"
