"""The bibliography of a researcher: each distinct work with its versions
(which page listed it, as what kind of venue), the owner's name marked,
equal contribution, conflicts between sources and why the versions are one work."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import _core
from ..names import same_author
from .figures import citations

if TYPE_CHECKING:
    from ..explain import Explanation
    from ..merge import Merged
    from .owners import Owner


# A work's kind is its most formal version's; a preprint that became a paper is the paper.
KIND_ORDER = ("journal", "conference", "workshop", "book", "thesis", "preprint", "other")
KIND_LABELS = {"journal": "journal", "conference": "conference", "workshop": "workshop", "book": "book or chapter",
               "thesis": "thesis", "preprint": "preprint", "other": "venue unknown"}

# Words of a type field or venue that say which kind it is, tried in this order.
_KIND_WORDS = (
    ("workshop", ("workshop",)),
    ("preprint", ("preprint", "arxiv", "corr", "technical report", "posted-content", "biorxiv", "medrxiv")),
    ("thesis", ("thesis", "dissertation")),
    ("book", ("book", "chapter")),
    ("journal", ("journal", "article", "transactions", "letters", "review")),
    ("conference", ("conference", "proceedings", "proc.", "inproceedings", "symposium", "meeting")),
)


def venue_kind(work: Any) -> str:
    """preprint, conference, journal, workshop, book, thesis or other, from the
    entry's declared type first, then its venue's words."""
    declared = " ".join(str(work.extra.get(k, "")) for k in ("type", "kind")).lower()
    for text in (declared, (work.category or "").lower() if work.source_format in ("openalex", "s2", "crossref", "csl", "bibtex") else "",
                 (work.venue or "").lower()):
        if not text:
            continue
        for kind, words in _KIND_WORDS:
            if any(w in text for w in words):
                return kind
    if work.ids.get("arxiv") and not work.venue:
        return "preprint"
    if work.venue:
        return "conference" if work.venue.isupper() or any(ch.isdigit() for ch in work.venue) else "other"
    return "other"


@dataclass
class Version:
    row: int            # index into merged.corpus
    title: str
    year: int | None
    venue: str
    kind: str
    source: str         # the page or file that listed it
    line: int
    source_format: str
    citations: int | None
    links: dict[Any, Any]

    @property
    def where(self) -> str:
        return f"{os.path.basename(self.source)}:{self.line}"


@dataclass
class AuthorView:
    name: str
    person_id: int | None
    owner: bool
    equal: bool


@dataclass
class Conflict:
    field: str
    values: list[Any]        # (value, where) pairs


@dataclass
class WorkView:
    work_id: int
    title: str
    year: int | None
    venue: str
    kind: str
    kinds: list[Any]
    authors: list[Any]
    truncated: bool
    versions: list[Any]
    citations: int | None
    conflicts: list[Any] = field(default_factory=list)
    links: dict[Any, Any] = field(default_factory=dict)
    ids: dict[Any, Any] = field(default_factory=dict)
    why: list[Any] = field(default_factory=list)  # (version a, version b, Explanation) for merged versions

    @property
    def sources(self) -> list[Any]:
        return sorted({os.path.basename(v.source) for v in self.versions})

    @property
    def conflict_fields(self) -> set[Any]:
        return {c.field for c in self.conflicts}


def _equal_contribution(members: Any, corpus: Any, names: Any) -> set[Any]:
    """Positions in the merged author list someone marked as equal contribution."""
    marked = set()
    for i in members:
        for a in corpus[i].authors:
            if not a.equal_contribution:
                continue
            scores = [same_author(a.display, n) for n in names]
            if scores and max(scores) >= 0.8:
                marked.add(scores.index(max(scores)))
    return marked


def _explanations(merged: Merged, groups: Any) -> dict[Any, Any]:
    """work_id -> [(row a, row b, Explanation)]: each version against the first,
    decided by the model the merge fitted, in one call."""
    from ..explain import _explanation

    pairs = [(g[0], j) for g in groups.values() for j in g[1:]]
    if not pairs or merged.model is None:
        return {}
    found, _ = _core.explain_corpus_pairs(merged.corpus._core, pairs, merged.model)
    out: dict[int, list[tuple[int, int, Explanation]]] = {}
    k = 0
    for wid, g in groups.items():
        for j in g[1:]:
            out.setdefault(wid, []).append((g[0], j, _explanation(found[k])))
            k += 1
    return out


def works_of_owner(merged: Merged, owner: Owner, members: Any, explain: bool = True) -> list[Any]:
    """The owner's works as WorkViews, newest year first, then by title."""
    works = merged.works.set_index("work_index")
    conflicts: dict[int, list[Conflict]] = {}
    for c in merged.conflicts.itertuples(index=False):
        conflicts.setdefault(int(c.work_index), []).append(
            Conflict(c.field, [(v, os.path.basename(s)) for v, s in zip(c.values, c.sources)]))
    why = _explanations(merged, {w: members[w] for w in owner.work_ids if len(members[w]) > 1}) if explain else {}
    out = []
    for wid in owner.work_ids:
        w = works.loc[wid]
        rows = members[wid]
        versions = []
        for i in rows:
            e = merged.corpus[i]
            versions.append(Version(i, e.title, e.year, e.venue, venue_kind(e), e.source, e.source_line,
                                    e.source_format, citations(merged, [i]), dict(e.links)))
        kinds = sorted({v.kind for v in versions}, key=KIND_ORDER.index)
        if len(kinds) > 1 and "other" in kinds:  # a version without a venue says nothing against the others
            kinds.remove("other")
        names = list(w["authors"])
        pids = list(w["person_indexes"])
        equal = _equal_contribution(rows, merged.corpus, names)
        authors = []
        for k, n in enumerate(names):
            pid = int(pids[k]) if k < len(pids) and pids[k] is not None and pids[k] >= 0 else None
            authors.append(AuthorView(n, pid, owner.person_id is not None and pid == owner.person_id, k in equal))
        links: dict[str, str] = {}
        for v in versions:
            for k, url in v.links.items():
                links.setdefault(k, url)
        year = None if w["year"] is None or w["year"] != w["year"] else int(w["year"])
        out.append(WorkView(int(wid), w["title"], year, w["venue"] or "", kinds[0], kinds, authors,
                            bool(w["authors_truncated"]), versions, citations(merged, rows),
                            conflicts.get(int(wid), []), links, dict(w["ids"]),
                            [(a, b, e) for a, b, e in why.get(int(wid), [])]))
    out.sort(key=lambda x: (-(x.year or 0), x.title.lower()))
    return out
