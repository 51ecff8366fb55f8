"""Pages from the Jinja2 templates: a researcher's page and the index. The
style sheet and script are inlined, so each page stands alone (file://, no network)."""

from __future__ import annotations

import os
from functools import cache, lru_cache
from itertools import groupby
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .bibliography import KIND_LABELS, KIND_ORDER, works_of_owner
from .charts import bars, coauthor_graph
from .downloads import data_uri, exports
from .figures import citations_per_year, coauthor_counts, computed, printed, site_of, works_per_year
from .owners import find_owner, members_by_work, owners

if TYPE_CHECKING:
    from ..merge import Merged
    from .owners import Owner


HERE = os.path.dirname(__file__)


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(os.path.join(HERE, "templates")),
                       autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


@cache
def _static(name: str) -> Markup:
    """A file of static/, inlined as it is (our own code, so not escaped)."""
    with open(os.path.join(HERE, "static", name), encoding="utf-8") as f:
        return Markup(f.read())


def _common(merged: Merged, index_href: str) -> dict[Any, Any]:
    from .. import __version__

    return {"version": __version__, "css": _static("report.css"), "index_href": index_href,
            "n_entries": len(merged.corpus), "n_sources": len({w.source for w in merged.corpus})}


def _coauthor_links(merged: Merged, owner: Owner, shown: Any) -> dict[Any, Any]:
    """Works of the owner two shown co-authors share: {(a, b): n}."""
    from collections import Counter
    from itertools import combinations

    works = merged.works.set_index("work_index")
    keep = set(shown)
    out: Counter[tuple[int, int]] = Counter()
    for ids in works.loc[owner.work_ids, "person_indexes"]:
        for a, b in combinations(sorted(set(int(i) for i in ids) & keep), 2):
            out[(a, b)] += 1
    return out


def person_context(merged: Merged, person: Any, members: Any = None, index_href: str = "index.html") -> dict[Any, Any]:
    """Everything a researcher's page shows, computed once."""
    owner = find_owner(merged, person)
    members = members if members is not None else members_by_work(merged)
    views = works_of_owner(merged, owner, members)
    cites = {v.work_id: v.citations for v in views}
    co = coauthor_counts(merged, owner)
    names = dict(zip(merged.people["person_index"], merged.people["name"]))
    coauthors = sorted(((int(p), names[p], n) for p, n in co.items()), key=lambda t: (-t[2], t[1]))
    shown = [p for p, _, _ in coauthors[:20]]
    uid = f"p{owner.person_id if owner.person_id is not None else owner.slug}"
    charts = {
        "works": bars(works_per_year(v.year for v in views), f"{uid}-years", f"Works of {owner.name} per year", "work(s)"),
        "citations": bars(citations_per_year((v.year, v.citations) for v in views), f"{uid}-cites",
                          f"Citations of {owner.name}'s works by year of publication", "citation(s)")
        if any(c is not None for c in cites.values()) else "",
        "graph": coauthor_graph(owner.name, owner.person_id, coauthors, _coauthor_links(merged, owner, shown), f"{uid}-graph"),
        "graph_compact": coauthor_graph(owner.name, owner.person_id, coauthors, _coauthor_links(merged, owner, shown[:12]),
                                        f"{uid}-graph-c", limit=12, compact=True),
    }
    for v in views:
        v.equal_marked = any(a.equal for a in v.authors)
    by_year = [(year, list(group)) for year, group in groupby(views, key=lambda v: v.year if v.year is not None else "Undated")]
    files = exports(merged, views)
    kinds = sorted({k for v in views for k in v.kinds}, key=KIND_ORDER.index)
    where = {v.row: v.where for w in views for v in w.versions}
    return {
        **_common(merged, index_href), "js": _static("report.js"), "owner": owner, "works": views,
        "pages": [{"name": os.path.basename(p), "site": site_of(p, merged.corpus)} for p in owner.pages],
        "computed": computed(merged, owner, members, cites), "printed": printed(owner), "charts": charts,
        "coauthors": coauthors, "by_year": by_year, "where": where,
        "years": sorted({v.year for v in views if v.year is not None}, reverse=True),
        "kinds": [(k, KIND_LABELS[k]) for k in kinds], "kind_labels": KIND_LABELS,
        "sources": sorted({s for v in views for s in v.sources}),
        "downloads": {"bibtex": data_uri(files["bibtex"], "application/x-bibtex"),
                      "csl": data_uri(files["csl"], "application/vnd.citationstyles.csl+json")},
        "files": files,
    }


def person_page(merged: Merged, person: Any, members: Any = None, index_href: str = "index.html") -> str:
    return environment().get_template("person.html").render(**person_context(merged, person, members, index_href))


def index_page(merged: Merged, hrefs: dict[Any, Any]) -> str:
    """The list of researchers; `hrefs`: slug -> page address."""
    rows = []
    for o in owners(merged):
        works = merged.works.set_index("work_index").loc[o.work_ids]
        years = [int(y) for y in works["year"].dropna()]
        rows.append({"name": o.name, "person_id": o.person_id, "href": hrefs[o.slug], "n_works": len(o.work_ids),
                     "n_entries": o.n_entries, "n_pages": len(o.pages), "inferred": o.inferred,
                     "years": f"{min(years)}–{max(years)}" if years else ""})
    return environment().get_template("index.html").render(
        **_common(merged, ""), owners=rows, summary=merged.summary().splitlines()[0])
