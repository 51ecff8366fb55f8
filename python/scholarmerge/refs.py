"""Free-text references split into Works (the splitter behind format ``refs``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import _core
from .corpus import Corpus


def parse_reference(text: str) -> _core.Work:
    """One reference string as a Work: authors, title, venue, year; volume,
    issue, pages, publisher, editors in ``extra``; DOI / arXiv in ``ids``.
    A reference that does not split keeps its whole text as the title.

    >>> w = sm.parse_reference("J. Smith and A. Jones. Deep learning for names. In Proc. ACL, pages 1-10, 2020.")
    >>> w.title, w.year, [a.display for a in w.authors]
    ('Deep learning for names', 2020, ['J. Smith', 'A. Jones'])
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_reference: expected str, got {type(text).__name__}")
    return _core.parse_reference(text)


def _texts(texts: Iterable[Any]) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("parse_references: expected a sequence of strings, got one str (use parse_reference)")
    values = texts.tolist() if hasattr(texts, "tolist") else list(texts)
    out: list[str] = []
    for v in values:
        if v is None or (isinstance(v, float) and v != v):  # None / NaN: an empty reference
            out.append("")
        elif isinstance(v, bytes):
            out.append(v.decode("utf-8", errors="replace"))
        else:
            out.append(str(v))
    return out


def parse_references(texts: Iterable[Any], source: str = "<references>") -> Corpus:
    """Many references (list, numpy array or pandas Series) in one C++ call;
    row i is Work i with ``source_line`` i + 1. Rows that do not split get a
    diagnostic naming the row.

    >>> c = sm.parse_references(["J. Smith. A title here. Nature, 2001.", "garbage"])
    >>> [w.title for w in c], len(c.diagnostics)
    (['A title here', 'garbage'], 1)
    """
    return Corpus(_core.parse_references(_texts(texts), source))
