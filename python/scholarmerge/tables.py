"""Tables (pandas with any dtype backend, pyarrow, polars) as the whole
columns the C++ core reads: every column goes through Arrow and is handed over
as its buffers (int64 offsets + bytes + validity for text, int64 values +
validity for years), so no Python object is made per row.
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: The table columns dedupe and merge read, and the core's names for them.
COLUMNS = {"title": "titles", "authors": "authors", "year": "years", "venue": "venues", "source": "sources",
           "doi": "dois", "arxiv": "arxivs", "pages": "pages", "note": "notes"}

# A year within text ("June 1980"): pandas' regex, since Arrow's RE2 has no look-behind.
_YEAR_IN_TEXT = r"(?<!\d)((?:1[5-9]|20)\d\d)(?!\d)"


def is_table(data: object) -> bool:
    """A pandas DataFrame, a pyarrow Table or RecordBatch, or a polars DataFrame."""
    kind = type(data)
    module = kind.__module__.split(".")[0]
    if module == "pandas":
        import pandas as pd

        return isinstance(data, pd.DataFrame)
    if module == "pyarrow":
        import pyarrow as pa

        return isinstance(data, (pa.Table, pa.RecordBatch))
    if module == "polars":
        import polars as pl

        return isinstance(data, pl.DataFrame)
    return False


def column_names(data: Any) -> list[str]:
    if type(data).__module__.split(".")[0] == "pyarrow":
        return list(data.schema.names)
    return [str(c) for c in data.columns]


def _pandas_column(series: Any) -> Any:
    """A pandas column as an Arrow array: the column's own buffers when
    Arrow-backed, converted in C++ otherwise; an object column of mixed types
    (text and numbers) as text."""
    import pyarrow as pa

    try:
        return pa.array(series, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    try:  # lists mixed with text: author lists
        return pa.array(series.map(_as_author_text), type=pa.large_string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array(series.astype("string"), from_pandas=True)


def _as_author_text(names: Any) -> Any:
    if isinstance(names, str) or names is None:
        return names
    if isinstance(names, (list, tuple, np.ndarray)):
        return "; ".join(str(n) for n in names)  # ';' keeps "Surname, Given" whole
    return None if isinstance(names, float) and names != names else str(names)


def arrow_column(data: Any, name: str) -> Any:
    """Column `name` as one pyarrow Array (chunks combined)."""
    import pyarrow as pa

    module = type(data).__module__.split(".")[0]
    if module == "pandas":
        a = _pandas_column(data[name])
    elif module == "polars":
        a = data.get_column(name).to_arrow()
    else:
        a = data.column(name)
    if isinstance(a, pa.ChunkedArray):
        a = a.combine_chunks()
    if pa.types.is_dictionary(a.type):
        a = a.dictionary_decode()
    return a


def text_buffers(a: Any) -> tuple[Any, Any, Any]:
    """A text column as (int64 offsets, bytes, validity or None), numpy views of
    its large_string buffers (cast first when it is another string type)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_null(a.type):
        return np.zeros(len(a) + 1, np.int64), np.zeros(0, np.uint8), np.zeros(len(a), bool)
    if not pa.types.is_large_string(a.type):
        a = pc.cast(a, pa.large_string())
    if len(a) == 0:
        return np.zeros(1, np.int64), np.zeros(0, np.uint8), None
    _, offsets, data = a.buffers()
    offs = np.frombuffer(offsets, dtype=np.int64)[a.offset:a.offset + len(a) + 1]
    raw = np.zeros(0, np.uint8) if data is None else np.frombuffer(data, dtype=np.uint8)
    valid = None if a.null_count == 0 else a.is_valid().to_numpy(zero_copy_only=False)
    return offs, raw, valid


def _author_buffers(a: Any) -> tuple[Any, Any, Any]:
    """Author lists as text; a list of names joined by '; ' in Arrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_list(a.type) or pa.types.is_large_list(a.type) or pa.types.is_fixed_size_list(a.type) or \
            getattr(pa.types, "is_list_view", lambda t: False)(a.type):
        if not (pa.types.is_string(a.type.value_type) or pa.types.is_large_string(a.type.value_type)):
            a = pc.cast(a, pa.list_(pa.large_string()))
        a = pc.binary_join(a, "; ")
    return text_buffers(a)


def _year_buffers(a: Any) -> tuple[Any, Any]:
    """Years as (int64 values, validity): numbers truncated, NaN missing; text
    read as a number or, failing that, the first year found in it."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_integer(a.type) or pa.types.is_boolean(a.type):
        ints = pc.cast(a, pa.int64())
        valid = None if ints.null_count == 0 else ints.is_valid().to_numpy(zero_copy_only=False)
        return ints.fill_null(0).to_numpy(zero_copy_only=False), valid
    if pa.types.is_floating(a.type) or pa.types.is_decimal(a.type):
        values = pc.cast(a, pa.float64()).to_numpy(zero_copy_only=False)
    elif pa.types.is_null(a.type):
        values = np.full(len(a), np.nan)
    else:  # text, vectorised in pandas
        text = pd.Series(pc.cast(a, pa.large_string()).to_pandas(), dtype="string")
        numeric = pd.to_numeric(text, errors="coerce")
        found = text.str.extract(_YEAR_IN_TEXT, expand=False)
        values = numeric.fillna(pd.to_numeric(found, errors="coerce")).to_numpy(dtype="float64", na_value=np.nan)
    values = np.asarray(values, dtype=np.float64)
    valid = np.isfinite(values)
    return np.where(valid, values, 0).astype(np.int64), valid


def table_columns(data: Any, caller: str = "dedupe") -> dict[str, Any]:
    """The columns dedupe_columns and Corpus.from_columns take, as Arrow buffers."""
    names = column_names(data)
    if "title" not in names:
        raise ValueError(f"{caller}: the table needs a 'title' column (it has {', '.join(names) or 'none'})")
    out: dict[str, Any] = {}
    for column, arg in COLUMNS.items():
        if column not in names:
            out[arg] = []
            continue
        a = arrow_column(data, column)
        if column == "authors":
            out[arg] = _author_buffers(a)
        elif column == "year":
            out[arg] = _year_buffers(a)
        else:
            out[arg] = text_buffers(a)
    return out
