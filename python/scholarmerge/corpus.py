"""Reading inputs into a Corpus: the C++ readers plus the Python conveniences."""

from __future__ import annotations

import os
from typing import Iterable, Iterator, Union

from . import _core

PathLike = Union[str, os.PathLike]


class Corpus:
    """Works read from one or more inputs, in input order (file order, then entry order)."""

    def __init__(self, core: "_core.Corpus | None" = None):
        self._core = core if core is not None else _core.Corpus()

    def __len__(self) -> int:
        return len(self._core)

    def __getitem__(self, i: int) -> "_core.Work":
        return self._core[i]

    def __iter__(self) -> Iterator["_core.Work"]:
        return iter(self._core.works)

    @property
    def works(self) -> list:
        return self._core.works

    @property
    def diagnostics(self) -> list:
        return self._core.diagnostics

    @property
    def profiles(self) -> list:
        return self._core.profiles

    def to_pandas(self):
        """One row per work; ``authors`` holds display names."""
        import pandas as pd

        return pd.DataFrame(self._core.columns())

    def to_jsonl(self) -> str:
        return self._core.to_jsonl()

    def __repr__(self) -> str:
        sources = {w.source for w in self._core.works}
        return (f"Corpus({len(self)} works from {len(sources)} source(s), "
                f"{len(self.diagnostics)} diagnostic(s), {len(self.profiles)} profile(s))")

    def _repr_html_(self) -> str:
        df = self.to_pandas()[["title", "authors", "year", "venue", "source", "source_line"]]
        return f"<p>{self!r}</p>" + df.head(20).to_html()


def _options(format: str, year: int | None, options: dict) -> dict:
    params = {}
    for key, value in options.items():
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        params[key] = str(value)
    return dict(format=format, year=int(year or 0), params=params)


def read(paths: Union[PathLike, Iterable[PathLike]], format: str = "auto", year: int | None = None,
         **options) -> Corpus:
    """Read a path, a list of paths or a directory (its files of a known format, sorted by name)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    return Corpus(_core.read(paths, **_options(format, year, options)))


def read_text(text: str, format: str = "auto", source: str = "<text>", year: int | None = None,
              **options) -> Corpus:
    """Read a string as if it were a file named ``source``."""
    return Corpus(_core.read_text(text, source=source, **_options(format, year, options)))
