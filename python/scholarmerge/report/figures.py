"""The header figures of a researcher's page, computed from the merged data,
and the figures the sites printed about themselves, kept apart with their source."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..corpus import Corpus
    from ..merge import Merged
    from .owners import Owner


# Two works shared or more makes a close collaborator.
CLOSE_SHARED_WORKS = 2


@dataclass
class Figure:
    label: str
    value: object
    note: str = ""      # how it was computed, or where it was printed
    key: str = ""       # a stable name for tests and styling


def citations(merged: Merged, members: Any) -> int | None:
    """A work's citation count: the largest its versions report. Versions are
    the same work counted by different indexes, so adding them would count
    the same citations twice."""
    found = [merged.corpus[i].extra.get("citations") for i in members]
    counts = [int(c) for c in found if isinstance(c, (int, float)) and not isinstance(c, bool)]
    return max(counts) if counts else None


def h_index(counts: Any) -> int:
    """The largest h such that h works have at least h citations each."""
    h = 0
    for i, c in enumerate(sorted(counts, reverse=True), start=1):
        if c >= i:
            h = i
        else:
            break
    return h


def i10_index(counts: Any) -> int:
    return sum(1 for c in counts if c >= 10)


def site_of(source: str, corpus: Corpus) -> str:
    """The kind of site a page comes from (its reader's format)."""
    for w in corpus:
        if w.source == source:
            return str(w.source_format)
    for h in corpus.profiles:
        if h.source == source:
            return str(h.source_format)
    return "unknown"


def coauthor_counts(merged: Merged, owner: Owner) -> Counter[Any]:
    """person_id -> works shared with the owner, over the owner's works."""
    co: Counter[int] = Counter()
    if owner.person_id is None:
        return co
    works = merged.works.set_index("work_index")
    for ids in works.loc[owner.work_ids, "person_indexes"]:
        co.update(set(int(i) for i in ids) - {owner.person_id})
    return co


def computed(merged: Merged, owner: Owner, members: Any, cites: dict[Any, Any]) -> list[Any]:
    """Figures computed from the merged data. `cites`: work_id -> count or None."""
    co = coauthor_counts(merged, owner)
    sites = sorted({site_of(p, merged.corpus) for p in owner.pages})
    categories = Counter(merged.corpus[i].category for w in owner.work_ids for i in members[w]
                         if merged.corpus[i].category)
    out = [
        Figure("distinct works", len(owner.work_ids), "listed on their pages or naming them, versions merged", "works"),
        Figure("entries read", owner.n_entries, f"from the owner's {len(owner.pages)} page(s)", "entries"),
        Figure("pages", len(owner.pages), "profile pages read", "pages"),
        Figure("sites", len(sites), ", ".join(sites), "sites"),
        Figure("co-authors", len(co), "distinct people sharing a work", "coauthors"),
        Figure("close collaborators", sum(1 for n in co.values() if n >= CLOSE_SHARED_WORKS),
               f"sharing {CLOSE_SHARED_WORKS} works or more", "close"),
    ]
    if categories:
        top = ", ".join(c for c, _ in categories.most_common(3))
        out.append(Figure("categories", len(categories), f"most: {top}", "categories"))
    known = [c for c in cites.values() if c is not None]
    if known:
        note = f"{len(known)} of {len(cites)} works with a count; a work counts its versions' maximum"
        out += [Figure("citations", sum(known), note, "citations"),
                Figure("h-index", h_index(known), "from the counts above", "h_index"),
                Figure("i10-index", i10_index(known), "works cited 10 times or more", "i10")]
    return out


# Reader bookkeeping, not something the site printed.
_NOT_PRINTED = {"entries", "entries_with_owner", "page_title", "listed_papers"}

_LABELS = {"h_index": "h-index", "ai_score": "AI score", "trust_level": "trust level",
           "verification_level": "verification", "close_collaborators": "close collaborators",
           "published_items": "published items", "open_to_collaborate": "open to collaborate"}


def printed(owner: Owner) -> list[Any]:
    """What each of the owner's pages printed about them, with the page and site."""
    out = []
    for h in owner.headers:
        where = f"{os.path.basename(h.source)} ({h.source_format})"
        for key, value in h.metrics.items():
            if key in _NOT_PRINTED or value in ("", None):
                continue
            if isinstance(value, bool):
                value = "yes" if value else "no"
            out.append(Figure(_LABELS.get(key, key.replace("_", " ")), value, where, key))
    return out


def works_per_year(years: Any) -> dict[Any, Any]:
    c = Counter(int(y) for y in years if y is not None)
    return {y: c[y] for y in sorted(c)}


def citations_per_year(years_and_cites: Any) -> dict[Any, Any]:
    """Citations of the works published each year (the sources give a total per work, not per citing year)."""
    c: Counter[Any] = Counter()
    for y, n in years_and_cites:
        if y is not None and n is not None:
            c[int(y)] += n
    return {y: c[y] for y in sorted(c)}
