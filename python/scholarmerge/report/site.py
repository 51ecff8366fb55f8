"""The static site: index.html and one page per researcher, with the
downloads written beside each page as files too."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from .owners import members_by_work, owners
from .render import environment, index_page, person_context

if TYPE_CHECKING:
    from ..merge import Merged



def write_site(merged: Merged, out_dir: Any) -> str:
    """Write the report into `out_dir`; returns the path of its index.html."""
    out_dir = os.fspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    members = members_by_work(merged)
    found = owners(merged)
    hrefs = {o.slug: f"{o.slug}.html" for o in found}
    template = environment().get_template("person.html")
    for o in found:
        context = person_context(merged, o, members)
        _write(os.path.join(out_dir, hrefs[o.slug]), template.render(**context))
        _write(os.path.join(out_dir, f"{o.slug}.bib"), context["files"]["bibtex"])
        _write(os.path.join(out_dir, f"{o.slug}.csl.json"), context["files"]["csl"])
    index = os.path.join(out_dir, "index.html")
    _write(index, index_page(merged, hrefs))
    return index


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
