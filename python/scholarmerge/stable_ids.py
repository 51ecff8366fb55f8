"""Stable string IDs in the merged tables: ``work_id`` from the ids.py rule
and ``person_id`` from the person's mentions, so neither changes when the
input is reordered or grows by unrelated records.

**Person ID** rule: ``P`` + the first 16 base32 letters of the BLAKE2b hash of
the smallest ``<work_id>|<normalised name>`` over the works listing the person
(the name as that work's author list spells it). The position of the author is
not in it, so it does not depend on which version's author list a work shows;
namesakes within one work get ``#<position>``.

The tables keep their row-numbered ids under other names: ``work_index``,
``person_index``, ``person_indexes`` (in works) and ``work_indexes`` (in people and profiles) (the ids of the
previous releases, which the report and graph code key on).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from . import _core
from .ids import short_id, work_id_of


def person_id_of(smallest_mention: str) -> str:
    """``P`` + 16 base32 letters of the smallest mention's hash."""
    return short_id("P", smallest_mention)


def _author_name(author: Any) -> str:
    return author if isinstance(author, str) else str(getattr(author, "display", author))


def add_stable_ids(keys: Sequence[str], work_of: np.ndarray, works: pd.DataFrame, people: pd.DataFrame,
                   profiles: pd.DataFrame, conflicts: pd.DataFrame) -> None:
    """Turn the int ids of the four tables into stable strings, in place, the
    int ids kept as ``*_index`` columns."""
    smallest: dict[int, str] = {}
    for label, key in zip(work_of.tolist(), keys):
        if label not in smallest or key < smallest[label]:
            smallest[label] = key
    wid = {label: work_id_of(key) for label, key in smallest.items()}

    mention: dict[int, str] = {}
    if len(works):
        for w, persons, authors in zip(works["work_id"].tolist(), works["person_ids"], works["authors"]):
            names = [_core.normalize_title(_author_name(a)) for a in authors]
            twice = {n for n, c in Counter(names).items() if c > 1}  # a Counter: a record may list a million
            for k, (p, name) in enumerate(zip(persons, names)):
                if p is None or int(p) < 0:
                    continue
                text = f"{wid[int(w)]}|{name}" + (f"#{k}" if name in twice else "")
                if int(p) not in mention or text < mention[int(p)]:
                    mention[int(p)] = text
    pid = {p: person_id_of(text) for p, text in mention.items()}

    def person(p: Any) -> Any:
        return pid.get(int(p)) if p is not None and p == p and int(p) >= 0 else None

    if "work_id" in works:
        works.insert(0, "work_index", works["work_id"])
        works["work_id"] = [wid[int(w)] for w in works["work_index"]]
        works["person_indexes"] = works["person_ids"]
        works["person_ids"] = [[person(p) for p in ps] for ps in works["person_indexes"]]
    if "person_id" in people:
        people.insert(0, "person_index", people["person_id"])
        people["person_id"] = [person(p) for p in people["person_index"]]
        if "work_ids" in people:
            people["work_indexes"] = people["work_ids"]
            people["work_ids"] = [[wid[int(w)] for w in ws] for ws in people["work_indexes"]]
    if "person_id" in profiles:
        profiles.insert(0, "person_index", profiles["person_id"])
        profiles["person_id"] = [person(p) for p in profiles["person_index"]]
        profiles["work_indexes"] = profiles["work_ids"]
        profiles["work_ids"] = [[wid[int(w)] for w in ws] for ws in profiles["work_indexes"]]
    conflicts.insert(0, "work_index", conflicts["work_id"])
    conflicts["work_id"] = [wid[int(w)] for w in conflicts["work_index"]]
