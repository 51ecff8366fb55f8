"""Batch and convenience forms of the name functions."""

from __future__ import annotations

from . import _core

_FIELDS = ("raw", "display", "given", "surname", "initials", "suffix", "key",
           "equal_contribution", "highlighted")


class Names:
    """Columnar result of :func:`parse_names`: one list per Author field."""

    def __init__(self, authors: list):
        self._authors = authors
        for field in _FIELDS:
            setattr(self, field, [getattr(a, field) for a in authors])

    def __len__(self) -> int:
        return len(self._authors)

    def __getitem__(self, i):
        return self._authors[i]

    def to_pandas(self):
        import pandas as pd

        return pd.DataFrame({field: getattr(self, field) for field in _FIELDS})


def parse_names(texts) -> Names:
    """Parse many names at once: a list, numpy array or pandas Series of strings."""
    return Names(_core.parse_names([str(t) for t in texts]))


def _as_author(x):
    return _core.parse_name(x) if isinstance(x, str) else x


def same_author(a, b) -> float:
    """How compatible two names are on their own, in [0, 1]. Accepts strings or Author."""
    return _core.same_author(_as_author(a), _as_author(b))
