"""A catalogue on disk (SQLite, stdlib ``sqlite3``): records, their works,
people, reviewed decisions and a change log. ``schema`` holds the tables,
``records`` turns input into stored records, ``matching`` keeps the stored
records' matcher between adds (and the refit rule), ``changes`` compares clusters,
``catalog`` is :class:`Catalog` itself."""

from .catalog import Catalog
from .changes import Changes
from .matching import MatcherStateWarning

__all__ = ["Catalog", "Changes", "MatcherStateWarning"]
