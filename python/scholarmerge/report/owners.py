"""Who the report is about: the profile owners of a merge, each with the
entries read about them and the distinct works those make."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..merge import Merged



@dataclass
class Owner:
    """One researcher of the report: a row of ``merged.profiles`` resolved
    to the person it names and the works of that person."""

    name: str
    person_id: int | None
    inferred: bool
    pages: list[Any]            # the profile pages read about them (paths)
    n_entries: int         # entries read from those pages
    work_ids: list[Any]         # the works shown: the person's works and the works their pages list
    slug: str = ""
    headers: list[Any] = field(default_factory=list)  # the ProfileHeaders of their pages


def _slug(name: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "person"


def members_by_work(merged: Merged) -> dict[Any, Any]:
    """work_id -> the input rows (indices into merged.corpus) merged into it, in input order."""
    out = defaultdict(list)
    for row, wid in enumerate(merged.work_of):
        out[int(wid)].append(row)
    return out


def _has_person(pid: Any) -> Any:
    return pid is not None and pid == pid  # NaN when the owner was not resolved


def owners(merged: Merged) -> list[Owner]:
    """The profile owners in the order of ``merged.profiles``. A person's works
    are, as ``merged.works_of`` has them, the works naming them joined with the
    works their own pages list (a listing entry cut at "et al." may not name them)."""
    naming = defaultdict(set)
    for wid, ids in zip(merged.works["work_index"], merged.works["person_indexes"]):
        for pid in ids:
            naming[int(pid)].add(int(wid))
    result: list[Owner] = []
    slugs: set[str] = set()
    for p in merged.profiles.itertuples(index=False):
        pid = int(p.person_index) if _has_person(p.person_index) else None
        wids = set(int(w) for w in p.work_indexes) | (naming[pid] if pid is not None else set())
        slug = _slug(p.name)
        while slug in slugs:  # namesakes get distinct pages
            slug += f"-{pid if pid is not None else len(slugs)}"
        slugs.add(slug)
        pages = list(p.sources)
        headers = [h for h in merged.corpus.profiles if h.source in pages]
        result.append(Owner(p.name, pid, bool(p.inferred), pages, int(p.n_entries), sorted(wids), slug, headers))
    return result


def find_owner(merged: Merged, person: Any) -> Owner:
    """The owner named `person` (a name or a spelling of it, or a person id)."""
    found = owners(merged)
    if isinstance(person, Owner):
        return person
    if isinstance(person, int):
        for o in found:
            if o.person_id == person:
                return o
        raise KeyError(f"no profile owner with person id {person}")
    for o in found:
        if o.name == person:
            return o
    pid = merged.person(person)  # a spelling: resolved as works_of does
    for o in found:
        if o.person_id == pid:
            return o
    raise KeyError(f"no profile owner named {person!r}")
