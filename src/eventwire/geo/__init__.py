"""GEO stage: find the toponyms of an article, give each a role, resolve it on the gazetteer.

Public API::

    gazetteer = Gazetteer.load()                 # builds the cached index on first use
    places = geoparse(parsed, gazetteer)         # tuple[Place, ...]
    article_focus(places)                        # "TUR"
"""

from eventwire.geo.gazetteer import CountryInfo, Entry, Gazetteer
from eventwire.geo.geoparse import article_focus, geoparse, resolve_spans

__all__ = ["CountryInfo", "Entry", "Gazetteer", "article_focus", "geoparse", "resolve_spans"]
