"""scholarmerge: scattered researcher profiles and bibliographic records merged
into one clean, deduplicated picture of who wrote what with whom."""

from importlib import metadata as _metadata

from ._core import (
    SAME_AUTHOR_THRESHOLD,
    Author,
    Diagnostic,
    ProfileHeader,
    Work,
    formats,
    normalize_title,
    parse_author_list,
    parse_name,
    title_similarity,
)
from .catalog import Catalog, Changes
from .corpus import Corpus, read, read_batches, read_text
from .dedupe import dedupe, fit
from .errors import OptionError, ParseError, ReadError, ScholarmergeError, UnknownFormatError
from .explain import Explanation, explain
from .merge import Merged, merge
from .names import parse_names, parse_names_arrow, same_author
from .refs import parse_reference, parse_references

__version__ = _metadata.version("scholarmerge")  # defined once, in pyproject.toml

__all__ = [
    "Author", "Corpus", "Diagnostic", "ProfileHeader", "Work",
    "read", "read_batches", "read_text", "formats",
    "parse_name", "parse_names", "parse_names_arrow", "parse_author_list", "parse_reference", "parse_references",
    "same_author", "SAME_AUTHOR_THRESHOLD",
    "normalize_title", "title_similarity", "dedupe", "fit", "merge", "Merged", "explain", "Explanation",
    "Catalog", "Changes",
    "ScholarmergeError", "ReadError", "UnknownFormatError", "OptionError", "ParseError",
]
