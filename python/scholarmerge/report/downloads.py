"""The researcher's works as BibTeX and CSL-JSON, one record per distinct work,
written by the package's own writers, and as data: URIs for the page."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..corpus import Corpus, read_text

if TYPE_CHECKING:
    from ..merge import Merged



def _record(merged: Merged, view: Any) -> dict[Any, Any]:
    """The work's merged fields on the JSON of the version its authors came
    from (which keeps the parsed names, ids and links the writers use)."""
    works = merged.works.set_index("work_index")
    w = works.loc[view.work_id]
    authors_from = w["provenance"]["authors"]
    base = next((v.row for v in view.versions if f"{v.source}:{v.line}" == authors_from), view.versions[0].row)
    rec = json.loads(merged.corpus[base].to_json())
    rec["title"] = view.title
    rec["year"] = view.year
    if w["date"]:
        rec["date"] = w["date"]
    if view.venue:
        rec["venue"] = view.venue
    rec["ids"] = {**rec.get("ids", {}), **view.ids}
    rec["links"] = {**view.links, **rec.get("links", {})}
    return dict(rec)


def corpus_of(merged: Merged, views: Any) -> Corpus:
    """A Corpus holding one record per work of `views`, in their order."""
    lines = "".join(json.dumps(_record(merged, v), ensure_ascii=False) + "\n" for v in views)
    return read_text(lines, format="jsonl", source="report")


def exports(merged: Merged, views: Any) -> dict[Any, Any]:
    """{"bibtex": text, "csl": text} for the works of `views`."""
    corpus = corpus_of(merged, views)
    return {"bibtex": corpus.to_bibtex(), "csl": corpus.to_csl_json()}


def data_uri(text: str, mime: str) -> str:
    return f"data:{mime};charset=utf-8," + quote(text, safe="")
