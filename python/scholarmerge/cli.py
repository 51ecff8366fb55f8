"""The ``scholarmerge`` command: parse, dedupe and profile."""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources
from typing import TYPE_CHECKING, Any

from . import _core
from .corpus import Corpus, read, read_batches
from .dedupe import dedupe
from .errors import ScholarmergeError

if TYPE_CHECKING:
    from .merge import Merged


EXPORTS = ("jsonl", "csv", "bibtex", "csl-json")


def bundled_seeds() -> str:
    """The seeds shipped with the package (or beside the source tree)."""
    here = resources.files("scholarmerge") / "seeds"
    if here.is_dir():
        return str(here)
    return os.path.join(os.path.dirname(__file__), "..", "..", "seeds")


# Inputs that gave no record and an error (an API error body, a truncated file):
# unreadable, so the command exits 1 once every other input has been written.
_unreadable: set[str] = set()


def _report(corpus: Corpus) -> Corpus:
    for d in corpus.diagnostics:
        print(f"scholarmerge: {d}", file=sys.stderr)
    _unreadable.update(corpus.unreadable)
    return corpus


def _show_progress(paths: Any) -> bool:
    """A progress bar on a terminal, for inputs large enough to wait for."""
    from .corpus import _PROGRESS_BYTES, _total_bytes

    return sys.stderr.isatty() and _total_bytes(paths) > _PROGRESS_BYTES


def _read(args: argparse.Namespace) -> Corpus:
    threads = getattr(args, "threads", 1)
    return _report(read(args.paths, format=args.format, year=args.year, threads=threads,
                        progress=_show_progress(args.paths)))


def _pieces(args: argparse.Namespace) -> Any:
    """The inputs in order, large JSON Lines files batch by batch (bounded memory)."""
    for path in args.paths:
        if os.path.isfile(path):
            for piece in read_batches(path, format=args.format, year=args.year, threads=args.threads,
                                      progress=_show_progress([path])):
                yield _report(piece)
        else:
            yield _report(read(path, format=args.format, year=args.year, threads=args.threads))


def _write_records(records: Any, to: str, out: Any) -> None:
    if to == "jsonl":
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif to == "csv":
        import pandas as pd

        df = pd.DataFrame(records)
        for col in ("authors",):
            if col in df:
                df[col] = df[col].map(lambda a: "; ".join(x["display"] for x in a))
        for col in ("ids", "links", "extra"):
            if col in df:
                df[col] = df[col].map(lambda m: json.dumps(m, ensure_ascii=False))
        df.to_csv(out, index=False)
    else:
        raise ValueError(f"unknown export format {to!r}")


def cmd_parse(args: argparse.Namespace) -> int:
    if args.to == "jsonl":  # streams: one batch in memory at a time
        for piece in _pieces(args):
            sys.stdout.write(piece.to_jsonl())
        return 0
    corpus = Corpus()
    for piece in _pieces(args):
        corpus.extend(piece)
    if args.to == "bibtex":
        sys.stdout.write(corpus.to_bibtex())
    elif args.to == "csl-json":
        sys.stdout.write(corpus.to_csl_json())
    else:
        _write_records([json.loads(w.to_json()) for w in corpus], args.to, sys.stdout)
    return 0


def cmd_dedupe(args: argparse.Namespace) -> int:
    corpus = _read(args)
    labels = dedupe(corpus, threshold=args.threshold)
    records = []
    for w, label in zip(corpus, labels):
        r = json.loads(w.to_json())
        r["cluster"] = int(label)
        records.append(r)
    _write_records(records, args.to, sys.stdout)
    return 0


def _entry(corpus: Any, key: str) -> int:
    """A record named by its place in the inputs (0, 1, ...) or as `source:line`."""
    if key.isdigit() and int(key) < len(corpus):
        return int(key)
    for i, w in enumerate(corpus):
        where = f"{w.source}:{w.source_line}"
        if where == key or where.endswith("/" + key):  # a path relative to any folder
            return i
    raise ScholarmergeError(f"explain: no record {key!r} (give an index or source:line)")


def cmd_explain(args: argparse.Namespace) -> int:
    from .dedupe import dedupe_details
    from .explain import _explanation

    corpus = _read(args)
    i, j = (_entry(corpus, k) for k in args.pair)
    details = dedupe_details(corpus, threshold=args.threshold)
    labels, model = details.labels, details.model
    found, _ = _core.explain_corpus_pairs(corpus._core, [(i, j)], model, float(args.threshold or 0.0))
    e = _explanation(found[0])
    for k in (i, j):
        w = corpus[k]
        print(f"[{k}] {w.source}:{w.source_line}  {w.title!r} ({w.year or '?'})")
    print(e)
    together = labels[i] == labels[j]
    print(f"clustered: {'one work' if together else 'two works'}"
          + ("" if together == e.same else " (through the other records of their clusters)"))
    return 0


def profile_report(merged: Merged, person: Any = None) -> list[Any]:
    """Per profile owner: entries, distinct works by year, co-authors, sources, conflicts."""
    from collections import Counter

    works = merged.works.set_index("work_index")
    report = []
    for p in merged.profiles.itertuples(index=False):
        if person and person.lower() not in p.name.lower():
            continue
        mine = works.loc[list(p.work_indexes)]
        per_year = Counter(int(y) for y in mine["year"].dropna())
        co: Counter[int] = Counter()
        if p.person_index is not None and p.person_index == p.person_index:
            for ids in mine["person_indexes"]:
                co.update(set(ids) - {int(p.person_index)})
        names = dict(zip(merged.people["person_index"], merged.people["name"]))
        conflicts = merged.conflicts[merged.conflicts["work_index"].isin(p.work_indexes)]
        report.append({
            "name": p.name,
            "inferred": bool(p.inferred),
            "pages": list(p.sources),
            "n_entries": int(p.n_entries),
            "n_works": int(p.n_works),
            "works_per_year": {str(y): per_year[y] for y in sorted(per_year)},
            "top_coauthors": [{"name": names[i], "shared_works": n} for i, n in co.most_common(8)],
            "works": [{"title": w.title, "year": None if w.year != w.year or w.year is None else int(w.year),
                       "venue": w.venue, "sources": list(w.sources)}
                      for w in mine.sort_values("year", ascending=False).itertuples()],
            "conflicts": [{"title": works.loc[c.work_index, "title"], "field": c.field,
                           "values": [f"{v} ({s})" for v, s in zip(c.values, c.sources)]}
                          for c in conflicts.itertuples()],
        })
    return report


def print_report(report: Any, out: Any) -> None:
    for r in report:
        how = ", owner inferred from the entries" if r["inferred"] else ""
        out.write(f"\n{r['name']}{how}\n{'=' * len(r['name'])}\n")
        out.write(f"{r['n_entries']} entries read from {len(r['pages'])} page(s), {r['n_works']} distinct works\n")
        for page in r["pages"]:
            out.write(f"  page: {page}\n")
        out.write("works per year: " + ", ".join(f"{y}: {n}" for y, n in r["works_per_year"].items()) + "\n")
        out.write("top co-authors: " + ", ".join(f"{c['name']} ({c['shared_works']})" for c in r["top_coauthors"]) + "\n")
        out.write("works:\n")
        for w in r["works"]:
            year = w["year"] if w["year"] is not None else "----"
            venue = f" [{w['venue']}]" if w["venue"] else ""
            out.write(f"  {year}  {w['title']}{venue}\n")
            out.write(f"        from {', '.join(s.rsplit('/', 1)[-1] for s in w['sources'])}\n")
        if r["conflicts"]:
            out.write("conflicts between sources:\n")
            for c in r["conflicts"]:
                out.write(f"  {c['title'][:70]}: {c['field']}: {' vs '.join(c['values'])}\n")


def cmd_profile(args: argparse.Namespace) -> int:
    from .merge import merge

    if not args.paths:
        args.paths = [bundled_seeds()]
    corpus = _read(args)
    merged = merge(corpus)
    report = profile_report(merged, args.person)
    if args.person and not report:
        print(f"scholarmerge: no profile owner matches {args.person!r}", file=sys.stderr)
        return 1
    if args.to == "json":
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(merged.summary() + "\n")
        print_report(report, sys.stdout)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .merge import merge

    if not args.paths:
        args.paths = [bundled_seeds()]
    merged = merge(_read(args))
    index = merged.report(args.out)
    print(os.path.abspath(index))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="scholarmerge", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: Any, paths_required: Any = True) -> None:
        sp.add_argument("paths", nargs="+" if paths_required else "*", metavar="PATH")
        sp.add_argument("--format", default="auto", choices=["auto", *_core.formats()])
        sp.add_argument("--year", type=int, default=None, help="year the pages were captured (dates without a year)")
        sp.add_argument("--threads", type=int, default=1, help="JSON Lines pieces parsed at once (default 1)")

    sp = sub.add_parser("parse", help="read inputs and print their records")
    common(sp)
    sp.add_argument("--to", default="jsonl", choices=EXPORTS)
    sp.set_defaults(func=cmd_parse)

    sp = sub.add_parser("dedupe", help="every input record once, with a cluster field")
    common(sp)
    sp.add_argument("--threshold", type=float, default=None)
    sp.add_argument("--to", default="jsonl", choices=("jsonl", "csv"))
    sp.set_defaults(func=cmd_dedupe)

    sp = sub.add_parser("explain", help="why two records are (not) one work")
    common(sp)
    sp.add_argument("--pair", nargs=2, required=True, metavar="KEY", help="two records: index or source:line")
    sp.add_argument("--threshold", type=float, default=None)
    sp.set_defaults(func=cmd_explain)

    sp = sub.add_parser("profile", help="merged per-researcher profiles (default: the bundled seeds)")
    common(sp, paths_required=False)
    sp.add_argument("--person", default=None)
    sp.add_argument("--to", default="text", choices=("text", "json"))
    sp.set_defaults(func=cmd_profile)

    sp = sub.add_parser("report", help="the static profile site, a page per researcher (default: the bundled seeds)")
    common(sp, paths_required=False)
    sp.add_argument("--out", required=True, metavar="DIR", help="folder to write index.html and the pages into")
    sp.set_defaults(func=cmd_report)

    from .cli_catalog import add_parser as add_catalog_parser

    add_catalog_parser(sub, common, _read)
    return p


def main(argv: Any = None) -> int:
    args = build_parser().parse_args(argv)
    _unreadable.clear()
    try:
        code: int = args.func(args)
        if code == 0 and _unreadable:
            print(f"scholarmerge: error: no records read from {', '.join(sorted(_unreadable))}", file=sys.stderr)
            return 1
        return code
    except ScholarmergeError as e:
        print(f"scholarmerge: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `scholarmerge parse ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
