"""The constructs of the format, one module each.

Each module builds one :class:`wikirel.construct.Construct` named
``CONSTRUCT``; :mod:`wikirel.dialect` puts them in order. ``numbered`` is
the opt-in one (numbered lists), and the worked example of an extension.
"""
