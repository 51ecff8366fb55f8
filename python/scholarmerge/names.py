"""Batch and convenience forms of the name functions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Union

import numpy as np
import numpy.typing as npt

from . import _core

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

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
    if isinstance(texts, list):
        try:  # a list of str, as most are: no pass over it here
            return Names(_core.parse_names_columns(texts))
        except TypeError:  # an item is no str
            pass
    return Names(_core.parse_names_columns([str(t) for t in texts]))


_TEXT_FIELDS = _FIELDS[:7]


def parse_names_arrow(texts: Any, dictionary: bool = False) -> pa.Table:
    """Parse many names at once into a pyarrow Table, one column per Author field.

    ``texts``: a pyarrow string array (or chunked array), a pandas Series, a
    numpy array or a list. The names are read from the Arrow buffers in place,
    each distinct text parsed once, and the fields written as Arrow buffers:
    no Python object per name, the fastest form for large columns. A missing
    name (null) is null in every column. ``dictionary=True`` gives the text
    columns as Arrow dictionary arrays (each distinct field value stored once,
    pandas' categorical), without the copy per row.

    >>> t = sm.parse_names_arrow(["Smith, John", None])
    >>> t.column("key").to_pylist()
    ['smith j', None]
    """
    import pyarrow as pa

    from .arrow import _validity
    from .tables import text_buffers

    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    elif not isinstance(texts, pa.Array):
        texts = pa.array(texts, from_pandas=True)  # other types are cast to text by text_buffers
    parsed = _core.parse_names_buffers(text_buffers(texts), distinct=dictionary)
    n = len(texts)
    size = len(parsed["raw"][0]) - 1  # rows, or distinct names
    bitmap, nulls = _validity(parsed["valid"])
    rows = pa.Array.from_buffers(pa.int32(), n, [bitmap, pa.py_buffer(parsed["rows"])], null_count=nulls) if dictionary else None

    def text(f: str) -> pa.Array:  # int32 offsets: Arrow's string type
        offsets, data, _ = parsed[f]
        if dictionary:
            values = pa.Array.from_buffers(pa.string(), size, [None, pa.py_buffer(offsets), pa.py_buffer(data)])
            return pa.DictionaryArray.from_arrays(rows, values)
        return pa.Array.from_buffers(pa.string(), n, [bitmap, pa.py_buffer(offsets), pa.py_buffer(data)], null_count=nulls)

    def flag(f: str) -> pa.Array:
        return pa.Array.from_buffers(pa.bool_(), n, [bitmap, pa.py_buffer(parsed[f][0])], null_count=nulls)

    arrays = [text(f) for f in _TEXT_FIELDS] + [flag(f) for f in _FIELDS[7:]]
    return pa.Table.from_arrays(arrays, names=list(_FIELDS))


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
