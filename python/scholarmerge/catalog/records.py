"""New records for the catalogue: their columns, their keys (continuing the
``#2``, ``#3`` suffixes of the keys already stored) and which of them are
already stored (a re-import)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, NamedTuple

import pandas as pd

from .. import _core
from ..corpus import Corpus
from ..ids import record_key

#: The columns the catalogue keeps of a record (what a DataFrame gives dedupe).
FIELDS = ("title", "authors", "year", "venue", "source", "doi", "arxiv", "pages", "note")


class NewRecords(NamedTuple):
    keys: list[str]
    base_keys: list[str]
    fields: list[dict[str, Any]]
    skipped: int  # already stored, same key and fields


def _work_fields(work: _core.Work) -> dict[str, Any]:
    return {"title": work.title, "authors": "; ".join(a.display for a in work.authors),
            "year": work.year, "venue": work.venue, "source": work.source,
            "doi": work.ids.get("doi", ""), "arxiv": work.ids.get("arxiv", ""), "pages": work.extra.get("pages", ""), "note": ""}


def _frame_fields(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in df.to_dict("records"):
        f: dict[str, Any] = {}
        for name in FIELDS:
            v = row.get(name)
            if name == "year":
                f[name] = None if v is None or v != v or v == "" else int(float(v))
            else:
                f[name] = "" if v is None or (isinstance(v, float) and v != v) else str(v)
        out.append(f)
    return out


def as_core(data: Corpus | _core.Corpus | pd.DataFrame) -> tuple[_core.Corpus, list[dict[str, Any]]]:
    """The records as a core Corpus (for their keys) and as the catalogue's fields."""
    if isinstance(data, pd.DataFrame):
        if "title" not in data.columns:
            raise ValueError("catalog.add: the DataFrame needs a 'title' column")
        fields = _frame_fields(data)
        return Corpus.from_frame(frame_of(fields))._core, fields
    core = data._core if isinstance(data, Corpus) else data
    if not isinstance(core, _core.Corpus):
        raise TypeError("catalog.add: expected a Corpus (use sm.read first) or a DataFrame")
    return core, [_work_fields(core[k]) for k in range(len(core))]


def frame_of(fields: list[dict[str, Any]]) -> pd.DataFrame:
    """The records as the DataFrame dedupe reads (years nullable ints)."""
    df = pd.DataFrame(fields, columns=list(FIELDS))
    df["year"] = pd.array(df["year"].tolist(), dtype="Int64")
    return df


def fields_text(fields: dict[str, Any]) -> str:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False)


class Incoming(NamedTuple):
    """Records to add, read once: as a core Corpus, as the catalogue's fields, and their base keys."""

    core: _core.Corpus
    fields: list[dict[str, Any]]
    base_keys: list[str]


def incoming(data: Corpus | _core.Corpus | pd.DataFrame) -> Incoming:
    core, fields = as_core(data)
    return Incoming(core, fields, [record_key(core[k]) for k in range(len(core))])


def new_records(data: Incoming, stored: Counter[tuple[str, str]], taken: Counter[str]) -> NewRecords:
    """The records of `data` to add. `stored`: (base key, fields) of the stored
    records, counted; `taken`: stored records per base key. A record equal to a
    stored one (same base key and fields) beyond those this batch already matched
    is a re-import and is skipped; the rest get the next free suffix."""
    keys, bases, kept = [], [], []
    seen: Counter[tuple[str, str]] = Counter()
    skipped = 0
    for base, f in zip(data.base_keys, data.fields):
        text = fields_text(f)
        seen[(base, text)] += 1
        if seen[(base, text)] <= stored[(base, text)]:
            skipped += 1
            continue
        taken[base] += 1
        n = taken[base]
        keys.append(base if n == 1 else f"{base}#{n}")
        bases.append(base)
        kept.append(f)
    return NewRecords(keys, bases, kept, skipped)
