"""A Corpus as pyarrow tables and Parquet, and back.

The C++ core lays the columns out in Arrow's format (offsets + bytes +
validity bitmaps, see cpp/bindings/arrow.cpp) and they are wrapped here with
``pyarrow.Array.from_buffers``: no Python object per row either way.

Works: title, authors_truncated, year, date, venue, abstract, category, ids,
links (map<string, string>), source, source_format, source_line, extra
(map<string, struct<bool, int, float, text>>: the child set is the value's
type). Authors: work (the row of its work), raw, display, given, surname,
initials, suffix, key, id, affiliations (list<string>), equal_contribution,
highlighted. A Parquet file holds the works with their authors nested as a
list<struct> column.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from . import _core
from .tables import text_buffers

if TYPE_CHECKING:
    import pyarrow as pa

PARQUET_MAGIC = b"PAR1"


class CorpusTables(NamedTuple):
    """What :meth:`Corpus.to_arrow` returns: a works table and an authors table whose
    ``work`` column is the row of the author's work (authors in work order)."""

    works: pa.Table
    authors: pa.Table


def _types() -> dict[str, Any]:
    import pyarrow as pa

    s = pa.large_string()
    value = pa.struct([("bool", pa.bool_()), ("int", pa.int64()), ("float", pa.float64()), ("text", s)])
    return dict(
        works=pa.schema([("title", s), ("authors_truncated", pa.bool_()), ("year", pa.int32()), ("date", s),
                         ("venue", s), ("abstract", s), ("category", s), ("ids", pa.map_(s, s)),
                         ("links", pa.map_(s, s)), ("source", s), ("source_format", s), ("source_line", pa.int32()),
                         ("extra", pa.map_(s, value))]),
        authors=pa.schema([("work", pa.int64()), ("raw", s), ("display", s), ("given", s), ("surname", s),
                           ("initials", s), ("suffix", s), ("key", s), ("id", s), ("affiliations", pa.list_(s)),
                           ("equal_contribution", pa.bool_()), ("highlighted", pa.bool_())]),
    )


def _validity(v: Any) -> tuple[Any, int]:
    import pyarrow as pa

    return (None, 0) if v is None else (pa.py_buffer(v[0]), int(v[1]))


def _text(parts: tuple[Any, Any, Any]) -> pa.Array:
    import pyarrow as pa

    offsets, data, valid = parts
    bitmap, nulls = _validity(valid)
    return pa.Array.from_buffers(pa.large_string(), len(offsets) - 1, [bitmap, pa.py_buffer(offsets), pa.py_buffer(data)],
                                 null_count=nulls)


def _plain(kind: Any, parts: tuple[Any, Any]) -> pa.Array:
    import pyarrow as pa

    values, valid = parts
    bitmap, nulls = _validity(valid)
    return pa.Array.from_buffers(kind, len(values), [bitmap, pa.py_buffer(values)], null_count=nulls)


def _flags(parts: tuple[Any, Any], n: int) -> pa.Array:
    import pyarrow as pa

    values, valid = parts
    bitmap, nulls = _validity(valid)
    return pa.Array.from_buffers(pa.bool_(), n, [bitmap, pa.py_buffer(values)], null_count=nulls)


def _text_map(kind: Any, parts: tuple[Any, Any, Any]) -> pa.Array:
    import pyarrow as pa

    offsets, keys, values = parts
    return pa.MapArray.from_arrays(pa.array(offsets), _text(keys), _text(values), type=kind)


def _extra(kind: Any, parts: tuple[Any, ...]) -> pa.Array:
    import pyarrow as pa

    offsets, keys, flag, integer, real, text = parts
    n = len(keys[0]) - 1
    values = pa.StructArray.from_arrays([_flags(flag, n), _plain(pa.int64(), integer), _plain(pa.float64(), real), _text(text)],
                                        fields=list(kind.item_type))
    return pa.MapArray.from_arrays(pa.array(offsets), _text(keys), values, type=kind)


def _column(field: pa.Field, part: Any, rows: int) -> pa.Array:
    """One column of a table from the core's buffers for it, by its type."""
    import pyarrow as pa

    if pa.types.is_large_string(field.type):
        return _text(part)
    if pa.types.is_boolean(field.type):
        return _flags(part, rows)
    if field.name == "extra":
        return _extra(field.type, part)
    if pa.types.is_map(field.type):
        return _text_map(field.type, part)
    if pa.types.is_list(field.type):
        return pa.ListArray.from_arrays(pa.array(part[0]), _text(part[1]), type=field.type)
    return _plain(field.type, part)


def to_arrow(core: _core.Corpus) -> CorpusTables:
    import pyarrow as pa

    b = _core.arrow_buffers(core)
    types = _types()
    tables = []
    for name, rows in (("works", len(core)), ("authors", len(b["authors"]["work"][0]))):
        parts = b[name]
        tables.append(pa.Table.from_arrays([_column(f, parts[f.name], rows) for f in types[name]],
                                           schema=types[name]))
    return CorpusTables(*tables)


def author_offsets(work: Any, n: int) -> Any:
    """Where each work's authors start in the authors table (n + 1 offsets)."""
    index = np.asarray(work, dtype=np.int64)
    return np.searchsorted(index, np.arange(n + 1, dtype=np.int64)).astype(np.int32)


def nested(tables: CorpusTables) -> pa.Table:
    """The works with their authors as a list<struct> column (what a Parquet file holds)."""
    import pyarrow as pa

    works, authors = tables
    people = authors.drop(["work"]).combine_chunks()
    fields = pa.StructArray.from_arrays([people[f].chunk(0) if people[f].num_chunks else pa.array([], people.schema.field(f).type)
                                         for f in people.column_names], fields=list(people.schema))
    offsets = author_offsets(authors["work"].to_numpy(), works.num_rows)
    return works.append_column("authors", pa.ListArray.from_arrays(pa.array(offsets), fields))


# ---- back to a Corpus: Arrow columns as numpy views for the core.

def _bools(a: pa.Array) -> Any:
    return a.fill_null(False).to_numpy(zero_copy_only=False).astype(bool)


def _valid(a: pa.Array) -> Any:
    return a.is_valid().to_numpy(zero_copy_only=False)


def _ints(a: pa.Array) -> Any:
    import pyarrow as pa

    return a.cast(pa.int64()).fill_null(0).to_numpy(zero_copy_only=False)


def _offsets(a: Any) -> Any:
    return a.offsets.to_numpy(zero_copy_only=False).astype(np.int64)


def from_arrow(works: pa.Table, authors: pa.Table) -> _core.Corpus:
    """A Corpus from tables of the :func:`to_arrow` schema (chunks combined first)."""
    w = {name: works[name].combine_chunks() for name in works.column_names}
    a = {name: authors[name].combine_chunks() for name in authors.column_names}
    cols: dict[str, Any] = {name: text_buffers(w[name]) for name in ("title", "date", "venue", "abstract", "category",
                                                                  "source", "source_format")}
    cols["authors_truncated"] = _bools(w["authors_truncated"])
    cols["year"], cols["year_valid"] = _ints(w["year"]), _valid(w["year"])
    cols["source_line"] = _ints(w["source_line"])
    for name in ("ids", "links"):
        m = w[name]
        cols[name] = (_offsets(m), text_buffers(m.keys), text_buffers(m.items))
    e = w["extra"]
    values = e.items
    flag, integer, real, text = (values.field(k) for k in ("bool", "int", "float", "text"))
    cols["extra"] = (_offsets(e), text_buffers(e.keys), _bools(flag), _valid(flag), _ints(integer), _valid(integer),
                     text_buffers(text), real.fill_null(0.0).to_numpy(zero_copy_only=False).astype(np.float64), _valid(real))
    people: dict[str, Any] = {name: text_buffers(a[name]) for name in ("raw", "display", "given", "surname", "initials",
                                                                    "suffix", "key", "id")}
    people["work"] = _ints(a["work"])
    people["affiliations"] = (_offsets(a["affiliations"]), text_buffers(a["affiliations"].values))
    people["equal_contribution"] = _bools(a["equal_contribution"])
    people["highlighted"] = _bools(a["highlighted"])
    return _core.corpus_from_buffers(cols, people)


# ---- Parquet

def write_parquet(tables: CorpusTables, path: str | os.PathLike[str]) -> None:
    import pyarrow.parquet as pq

    table = nested(tables)
    table = table.replace_schema_metadata({b"scholarmerge": b"corpus 1"})
    pq.write_table(table, os.fspath(path))


def is_parquet(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == PARQUET_MAGIC
    except OSError:
        return False


def read_parquet(path: str) -> _core.Corpus:
    """A Corpus from a Parquet file that :meth:`Corpus.to_parquet` wrote; any
    other schema is a ReadError naming the file and the columns that differ."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .errors import ReadError

    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as err:
        raise ReadError(f"{path}: unreadable Parquet file: {err}", source=path) from None
    types = _types()
    expected = {f.name: f.type for f in types["works"]}
    person = {f.name: f.type for f in types["authors"] if f.name != "work"}
    found = {f.name: f.type for f in table.schema}
    problems = [f"missing column '{k}'" for k in [*expected, "authors"] if k not in found]
    problems += [f"unknown column '{k}'" for k in found if k not in expected and k != "authors"]
    for k, t in expected.items():
        if k in found and not _castable(found[k], t):
            problems.append(f"column '{k}' is {found[k]}, expected {t}")
    if "authors" in found:
        t = found["authors"]
        if not (pa.types.is_list(t) or pa.types.is_large_list(t)) or not pa.types.is_struct(t.value_type) or \
                {f.name for f in t.value_type} != set(person):
            problems.append(f"column 'authors' is {t}, expected list<struct<{', '.join(person)}>>")
    if problems:
        raise ReadError(f"{path}: not a Parquet file of scholarmerge's corpus schema: " + "; ".join(problems), source=path)
    try:
        works = table.drop(["authors"]).cast(types["works"])
        listed = table["authors"].combine_chunks()
        values = listed.values
        counts = np.diff(_offsets(listed))
        work = np.repeat(np.arange(len(listed), dtype=np.int64), counts)
        start = int(listed.offsets[0].as_py()) if len(listed) else 0
        values = values.slice(start, int(counts.sum()))
        arrays = [pa.array(work)] + [values.field(f).cast(person[f]) for f in person]
        authors = pa.Table.from_arrays(arrays, schema=types["authors"])
        return from_arrow(works, authors)
    except (pa.ArrowException, ValueError) as err:
        raise ReadError(f"{path}: {err}", source=path) from None


def _castable(found: Any, expected: Any) -> bool:
    import pyarrow as pa

    if found == expected:
        return True
    if pa.types.is_large_string(expected):
        return bool(pa.types.is_string(found) or pa.types.is_large_string(found))
    if pa.types.is_integer(expected):
        return bool(pa.types.is_integer(found))
    return False


def to_pandas(core: _core.Corpus) -> Any:
    """One row per work, the columns of the works table (``year`` and
    ``source_line`` int64 or float64 with NaN), ``authors`` the display names
    of each work's authors, ``ids`` / ``links`` / ``extra`` dicts."""
    import pyarrow as pa

    works, authors = to_arrow(core)
    offsets = author_offsets(authors["work"].to_numpy(), works.num_rows)
    display = authors["display"].combine_chunks() if authors.num_rows else pa.array([], pa.large_string())
    names = pa.ListArray.from_arrays(pa.array(offsets), display)
    works = works.drop(["extra"]).add_column(1, "authors", names)
    for name in ("year", "source_line"):
        works = works.set_column(works.schema.get_field_index(name), name, works[name].cast(pa.int64()))
    df = works.to_pandas(maps_as_pydicts="strict")
    # Lists, as before the Arrow path (pandas would give one numpy array per row).
    df["authors"] = names.to_pylist()
    df["extra"] = _core.extra_dicts(core)
    return df
