"""Batch and convenience forms of the name functions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import numpy.typing as npt

from . import _core

if TYPE_CHECKING:
    import pandas as pd

_FIELDS = ("raw", "display", "given", "surname", "initials", "suffix", "key",
           "equal_contribution", "highlighted")


class Names:
    """Columnar result of :func:`parse_names`: one list per Author field."""

    raw: list[str]
    display: list[str]
    given: list[str]
    surname: list[str]
    initials: list[str]
    suffix: list[str]
    key: list[str]
    equal_contribution: list[bool]
    highlighted: list[bool]

    def __init__(self, columns: dict[str, Any]) -> None:
        self._columns = columns
        for field in _FIELDS:
            setattr(self, field, columns[field])

    def __len__(self) -> int:
        return len(self.raw)

    def __getitem__(self, i: int) -> _core.Author:
        a = _core.Author()
        for field in _FIELDS:
            setattr(a, field, self._columns[field][i])
        return a

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame({field: self._columns[field] for field in _FIELDS})


def parse_names(texts: Iterable[Any]) -> Names:
    """Parse many names at once: a list, numpy array or pandas Series of strings.

    >>> names = sm.parse_names(["Smith, John", "Ada Lovelace"])
    >>> names.surname, names.key
    (['Smith', 'Lovelace'], ['smith j', 'lovelace a'])
    """
    if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
        texts = [str(t) for t in texts]
    return Names(_core.parse_names_columns(texts))


#: A name as text, or one already parsed.
NameLike = Union[str, _core.Author]


def _as_author(x: NameLike) -> _core.Author:
    return _core.parse_name(x) if isinstance(x, str) else x


def same_author(a: NameLike, b: NameLike) -> float:
    """How compatible two names are on their own, in [0, 1]. Accepts strings or Author.

    >>> sm.same_author("J. Smith", "John Smith") >= sm.SAME_AUTHOR_THRESHOLD
    True
    >>> sm.same_author("J. Smith", "A. Jones")
    0.0
    """
    return _core.same_author(_as_author(a), _as_author(b))


def same_author_pairs(a: Iterable[Any], b: Iterable[Any]) -> npt.NDArray[np.float64]:
    """same_author for many pairs at once: two equal-length sequences of names."""
    return np.asarray(_core.same_author_pairs([str(x) for x in a], [str(x) for x in b]))
