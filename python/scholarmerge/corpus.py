"""Reading inputs into a Corpus: the C++ readers plus the Python conveniences."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Union

from . import _core
from .errors import OptionError, ParseError, ReadError

if TYPE_CHECKING:
    import pandas as pd

    from .arrow import CorpusTables

#: A path as str or os.PathLike.
PathLike = Union[str, "os.PathLike[str]"]


class Corpus:
    """Works read from one or more inputs, in input order (file order, then entry order).

    Indexing gives the work itself (a view: setting a field changes the corpus).

    >>> c = sm.read_text("@article{a, title = {Deep learning}, year = {2015}}", format="bibtex")
    >>> len(c), c[0].title
    (1, 'Deep learning')
    >>> c[0].year = 2016
    >>> c.to_pandas()["year"].tolist()
    [2016]
    """

    def __init__(self, core: _core.Corpus | None = None) -> None:
        self._core = core if core is not None else _core.Corpus()

    def __len__(self) -> int:
        return len(self._core)

    def __getitem__(self, i: int) -> _core.Work:
        return self._core[i]

    def __iter__(self) -> Iterator[_core.Work]:
        return iter(self._core.works)

    @property
    def works(self) -> list[_core.Work]:
        return self._core.works

    @property
    def diagnostics(self) -> list[_core.Diagnostic]:
        return self._core.diagnostics

    @property
    def profiles(self) -> list[_core.ProfileHeader]:
        return self._core.profiles

    @property
    def unreadable(self) -> list[str]:
        """The inputs that gave no work and an error diagnostic (an API error
        body, a truncated JSON file): what ``errors="raise"`` raises
        :class:`ParseError` for, and what makes the CLI exit 1.

        >>> sm.read_text('{"status": 400, "message": "bad offset"}', format="openalex").unreadable
        ['<text>']
        """
        read_from = {w.source for w in self._core.works}
        return sorted({d.source for d in self._core.diagnostics if d.severity == "error" and d.source not in read_from})

    @classmethod
    def from_frame(cls, df: Any) -> Corpus:
        """Works from a table (pandas DataFrame with any dtype backend, pyarrow
        Table, polars DataFrame) with a ``title`` column and any of ``authors``
        (list text or lists of names), ``year``, ``venue``, ``source``, ``doi``,
        ``arxiv``, ``pages``, ``note``; a row's line is its position + 1. The
        columns go to the core whole, as Arrow buffers."""
        from .tables import table_columns

        return cls(_core.Corpus.from_columns(**table_columns(df, "from_frame")))

    def to_pandas(self) -> pd.DataFrame:
        """One row per work (through Arrow); ``authors`` holds display names,
        ``ids``, ``links`` and ``extra`` dicts."""
        from . import arrow

        return arrow.to_pandas(self._core)

    def to_arrow(self) -> CorpusTables:
        """``(works, authors)`` pyarrow tables: every field of Work and Author,
        built from buffers the core lays out in Arrow's format (no Python
        object per row). ``authors.work`` is the row of the author's work.

        >>> works, authors = sm.read_text("@article{a, title = {Deep learning}, author = {LeCun, Yann}}").to_arrow()
        >>> works["title"].to_pylist(), authors["surname"].to_pylist(), authors["work"].to_pylist()
        (['Deep learning'], ['LeCun'], [0])
        """
        from . import arrow

        return arrow.to_arrow(self._core)

    def to_parquet(self, path: PathLike) -> None:
        """Write the works, their authors nested as a list<struct> column, to a
        Parquet file that ``sm.read(path)`` reads back field for field."""
        from . import arrow

        arrow.write_parquet(self.to_arrow(), path)

    def to_polars(self) -> Any:
        """The works table as a polars DataFrame, ``authors`` a list of structs
        (needs polars: ``pip install scholarmerge[polars]``)."""
        try:
            import polars as pl
        except ImportError:
            raise ImportError("to_polars needs polars: pip install 'scholarmerge[polars]' (or pip install polars)") from None
        from . import arrow

        return pl.from_arrow(arrow.nested(self.to_arrow()))

    @classmethod
    def from_arrow(cls, works: Any, authors: Any) -> Corpus:
        """A Corpus from the two tables :meth:`to_arrow` gives."""
        from . import arrow

        return cls(arrow.from_arrow(works, authors))

    def to_jsonl(self) -> str:
        """One JSON object per work and line: what ``read(format="jsonl")`` reads back."""
        text: str = self._core.to_jsonl()
        return text

    def to_bibtex(self) -> str:
        """BibTeX entries with stable, collision-free citation keys."""
        return _core.to_bibtex(self._core)

    def to_csl_json(self) -> str:
        """A CSL-JSON array, the format reference managers import."""
        return _core.to_csl_json(self._core)

    def extend(self, other: Corpus) -> None:
        """Append another corpus's works, diagnostics and profiles (moved, not copied)."""
        self._core.extend(other._core)

    def __repr__(self) -> str:
        sources = {w.source for w in self._core.works}
        return (f"Corpus({len(self)} works from {len(sources)} source(s), "
                f"{len(self.diagnostics)} diagnostic(s), {len(self.profiles)} profile(s))")

    def _repr_html_(self) -> str:
        df = self.to_pandas()[["title", "authors", "year", "venue", "source", "source_line"]]
        table: str = df.head(20).to_html()
        return f"<p>{self!r}</p>" + table


def _options(format: str, year: int | None, options: dict[str, Any]) -> dict[str, Any]:
    params: dict[str, str] = {}
    for key, value in options.items():
        if isinstance(value, (list, tuple)):
            value = ",".join(str(v) for v in value)
        params[key] = str(value)
    return dict(format=format, year=int(year or 0), params=params)


# What a reader does with an input it cannot read at all: report it in
# corpus.diagnostics (and corpus.unreadable), or raise ParseError.
_ERRORS = ("report", "raise")


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise OptionError(f"errors={errors!r}: expected 'report' or 'raise'")


def _parse_error(d: _core.Diagnostic) -> ParseError:
    where = f"{d.source}:{d.line}" if d.line else d.source
    return ParseError(f"{where}: {d.message}", d.source, d.line or None, "parse_error")


def _handle_errors(corpus: Corpus, errors: str) -> Corpus:
    _check_errors(errors)
    if errors == "raise":
        unreadable = set(corpus.unreadable)
        for d in corpus.diagnostics:
            if d.severity == "error" and d.source in unreadable:
                raise _parse_error(d)
    return corpus


# Inputs above this size get a progress bar unless progress=False.
_PROGRESS_BYTES = 64 << 20


def _total_bytes(paths: list[str]) -> int:
    total = 0
    for p in paths:
        if os.path.isdir(p):
            total += sum(e.stat().st_size for e in os.scandir(p) if e.is_file())
        elif os.path.isfile(p):
            total += os.path.getsize(p)
    return total


def _bar(total: int, desc: str) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, desc=desc)


def read(paths: Union[PathLike, Iterable[PathLike]], format: str = "auto", year: int | None = None,
         threads: int = 1, progress: bool | None = None, errors: str = "report", **options: Any) -> Corpus:
    """Read a path, a list of paths or a directory (its files of a known format, sorted by name).

    JSON Lines files are read in pieces (``threads`` of them at once), so a
    file of several GB needs memory for what is read, not for the file too.
    ``progress``: a tqdm bar; by default for inputs over 64 MB. ``errors``:
    ``"report"`` (records that cannot be read are diagnostics, inputs with none
    readable are in ``corpus.unreadable``) or ``"raise"`` (an input with no
    readable record raises :class:`ParseError` naming its file and line).
    Other keywords are the format's options (``sm.read(path, format="csv",
    sep=";")``); one no reader takes is an OptionError naming the nearest known one.

    >>> from scholarmerge.cli import bundled_seeds
    >>> corpus = sm.read(bundled_seeds())
    >>> len(corpus), len({w.source for w in corpus})
    (129, 5)
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    names = [os.fspath(p) for p in paths]
    _check_errors(errors)  # before any reading
    if format in ("auto", "parquet") and any(format == "parquet" or _is_parquet(p) for p in names):
        return _handle_errors(_read_with_parquet(names, format, year, threads, options), errors)
    if progress is None:
        progress = _total_bytes(names) > _PROGRESS_BYTES
    if not progress:
        return _handle_errors(Corpus(_core.read(names, threads=threads, **_options(format, year, options))), errors)
    with _bar(_total_bytes(names), "reading") as bar:
        def report(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        corpus = Corpus(_core.read(names, threads=threads, progress=report, **_options(format, year, options)))
    return _handle_errors(corpus, errors)


def _is_parquet(path: str) -> bool:
    from .arrow import is_parquet

    return os.path.isfile(path) and is_parquet(path)


def _read_with_parquet(names: list[str], format: str, year: int | None, threads: int, options: dict[str, Any]) -> Corpus:
    """Named Parquet files read by pyarrow, the others by the core, in the given order."""
    from .arrow import read_parquet

    if options:
        _core.check_option_names("read(parquet): ", list(options), [])
    out = Corpus()
    run: list[str] = []
    for path in [*names, None]:
        if path is not None and not (format == "parquet" or _is_parquet(path)):
            run.append(path)
            continue
        if run:
            out.extend(Corpus(_core.read(run, threads=threads, **_options("auto", year, options))))
            run = []
        if path is not None:
            if not os.path.isfile(path):
                raise ReadError(f"{path}: no such file", source=path)
            out.extend(Corpus(read_parquet(path)))
    return out


def read_batches(path: PathLike, format: str = "auto", year: int | None = None, threads: int = 1,
                 batch_mb: int = 32, progress: bool = False, errors: str = "report",
                 **options: Any) -> Iterator[Corpus]:
    """Read one large file as a sequence of Corpus batches of about ``batch_mb`` of input.

    ``errors="raise"``: after the last batch, a file with no readable record
    raises :class:`ParseError` (as :func:`read` does).

    Memory holds ``threads`` batches, never the whole file; line numbers and
    diagnostics refer to the file. Files that are not JSON Lines come as one batch.

    >>> import os
    >>> from scholarmerge.cli import bundled_seeds
    >>> first = os.path.join(bundled_seeds(), sorted(os.listdir(bundled_seeds()))[0])
    >>> [len(batch) for batch in sm.read_batches(first)]
    [13]
    """
    _check_errors(errors)
    reader = _core.FileReader(os.fspath(path), threads=threads, piece_bytes=int(batch_mb) << 20,
                              **_options(format, year, options))
    bar = _bar(reader.bytes_total, os.path.basename(os.fspath(path))) if progress else None
    first_error: _core.Diagnostic | None = None
    works = 0
    try:
        for piece in reader:
            if bar is not None:
                bar.update(reader.bytes_read - bar.n)
            batch = Corpus(piece)
            works += len(batch)
            if first_error is None:
                first_error = next((d for d in batch.diagnostics if d.severity == "error"), None)
            yield batch
    finally:
        if bar is not None:
            bar.close()
    if errors == "raise" and works == 0 and first_error is not None:
        raise _parse_error(first_error)


def read_text(text: str, format: str = "auto", source: str = "<text>", year: int | None = None,
              errors: str = "report", **options: Any) -> Corpus:
    """Read a string as if it were a file named ``source`` (``errors`` as for :func:`read`).

    >>> c = sm.read_text("title;year\\nDeep learning;2015\\n", format="csv", sep=";")
    >>> c[0].title, c[0].year, c[0].source
    ('Deep learning', 2015, '<text>')
    """
    return _handle_errors(Corpus(_core.read_text(text, source=source, **_options(format, year, options))), errors)
