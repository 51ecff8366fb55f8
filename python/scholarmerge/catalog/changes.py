"""What a change did to the works: the clusters before and after, compared."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Changes:
    """The summary :meth:`Catalog.add` and :meth:`Catalog.decide` return.

    ``new``: works all of whose records are new; ``grown``: works that kept
    their records and gained new ones; ``merged``: new work id -> the old works
    it joins; ``split``: old work id -> the works its records are in now;
    ``renamed``: old id -> new id of a work whose smallest record key changed
    (a new record sorts first), the old id kept as an alias."""

    change: int
    added: int = 0
    skipped: int = 0  # records already in the catalogue (a re-import)
    new: list[str] = field(default_factory=list)
    grown: list[str] = field(default_factory=list)
    merged: dict[str, list[str]] = field(default_factory=dict)
    split: dict[str, list[str]] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return (f"change {self.change}: {self.added} record(s) added, {self.skipped} already stored; "
                f"{len(self.new)} new work(s), {len(self.grown)} grown, {len(self.merged)} merged, "
                f"{len(self.split)} split, {len(self.renamed)} renamed")

    def log_rows(self) -> list[tuple[str, str, str]]:
        """(work_id, what, detail) rows for the change log."""
        rows = [(w, "new", "") for w in self.new] + [(w, "grown", "") for w in self.grown]
        rows += [(w, "merged", " ".join(old)) for w, old in self.merged.items()]
        rows += [(w, "split", " ".join(now)) for w, now in self.split.items()]
        rows += [(new, "renamed", old) for old, new in self.renamed.items()]
        return rows


def compare(change: int, before: dict[str, str], after: dict[str, str]) -> Changes:
    """The changes from `before` to `after` (record key -> work id)."""
    out = Changes(change)
    members: dict[str, list[str]] = defaultdict(list)
    for key, work in after.items():
        members[work].append(key)
    for work in sorted(members):
        keys = members[work]
        old = sorted({before[k] for k in keys if k in before})
        fresh = any(k not in before for k in keys)
        if not old:
            out.new.append(work)
        elif len(old) > 1:
            out.merged[work] = old
        else:
            if fresh:
                out.grown.append(work)
            if old[0] != work:
                out.renamed[old[0]] = work
    now: dict[str, set[str]] = defaultdict(set)
    for key, work in before.items():
        if key in after:
            now[work].add(after[key])
    for work in sorted(now):
        if len(now[work]) > 1:
            out.split[work] = sorted(now[work])
    # A split work's pieces are not "renamed": the split says it.
    for piece in out.split:
        out.renamed.pop(piece, None)
    return out
