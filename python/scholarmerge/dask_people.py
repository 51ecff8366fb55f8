"""The people stages of ``scholarmerge.dask.merge``: author mentions resolved
into people over buckets of whole name keys, with the ids, names and works
``sm.merge`` gives (``resolve_people`` resolves each name key on its own, so a
bucket holding whole keys finds the people the whole corpus does).

1. per key bucket: ``resolve_mentions`` clusters the bucket's mentions, each
   person known by its first mention (row, author index);
2. global: ``number_people`` numbers persons in order of first mention, as
   ``resolve_people`` does (one int64 pair per person, in one task);
3. per key bucket: the people table, and each mention's person id sent back
   to the work bucket of its work (for ``works.person_ids``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from dask import delayed

from . import _core

_stages = _core.distributed


def _number_people(*resolved: Any) -> list[Any]:
    """Per key bucket: the global id of each of its people."""
    first_row = np.concatenate([r["first_row"] for r in resolved])
    first_index = np.concatenate([r["first_index"] for r in resolved])
    ids = _stages.number_people(first_row, first_index)
    return np.split(ids, np.cumsum([len(r["first_row"]) for r in resolved])[:-1])


def _people(resolved: dict[Any, Any], ids: np.ndarray, buckets: int, *parts: Any) -> tuple[Any, ...]:
    """The key bucket's people table, and (row, author index, person id) of
    its mentions split by work bucket (work label % buckets)."""
    person = ids[resolved["person"]]
    table = pd.DataFrame(_stages.bucket_people(list(parts), person))
    row = np.concatenate([p["row"] for p in parts])
    index = np.concatenate([p["index"] for p in parts])
    b = np.concatenate([p["work"] for p in parts]) % buckets
    return table, [(row[b == i], index[b == i], person[b == i]) for i in range(buckets)]


def people_meta() -> pd.DataFrame:
    return pd.DataFrame(_stages.bucket_people([], np.zeros(0, np.int64))).astype(
        {"person_id": "int64", "n_works": "int64"})


def resolve(mentions: list[Any], buckets: int) -> tuple[Any, ...]:
    """From ``mentions[w][k]``, work bucket w's mentions of key bucket k
    (``work_mentions``): the people table of each key bucket, and for each
    work bucket the (row, author index, person id) pieces of its mentions."""
    by_key = [[m[k] for m in mentions] for k in range(buckets)]
    resolved = [delayed(_stages.resolve_mentions)(parts) for parts in by_key]
    ids = delayed(_number_people, nout=buckets)(*resolved)
    out = [delayed(_people, nout=2)(resolved[k], ids[k], buckets, *by_key[k]) for k in range(buckets)]
    tables = [o[0] for o in out]
    persons = [[o[1][w] for o in out] for w in range(buckets)]
    return tables, persons
