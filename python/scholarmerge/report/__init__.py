"""The profile report: a static site with a page per researcher (figures,
bibliography by year, charts, filters, downloads), from a Merged result.

Modules, one responsibility each: owners (who the pages are about), figures
(header numbers), bibliography (works and their versions), charts (SVG),
downloads (BibTeX, CSL-JSON), render (Jinja2 templates), site (the files)."""

from .render import index_page, person_page
from .site import write_site


class Page(str):
    """A page's HTML; notebooks show it rendered."""

    def _repr_html_(self) -> str:
        return str(self)


__all__ = ["Page", "index_page", "person_page", "write_site"]
