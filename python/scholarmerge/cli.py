"""The ``scholarmerge`` command: parse, dedupe and profile."""

from __future__ import annotations

import argparse
import json
import os
import sys
from importlib import resources

from . import _core
from .corpus import read
from .dedupe import dedupe
from .errors import ScholarmergeError

EXPORTS = ("jsonl", "csv", "bibtex", "csl-json")


def bundled_seeds() -> str:
    """The seeds shipped with the package (or beside the source tree)."""
    here = resources.files("scholarmerge") / "seeds"
    if here.is_dir():
        return str(here)
    return os.path.join(os.path.dirname(__file__), "..", "..", "seeds")


def _read(args) -> "Corpus":
    corpus = read(args.paths, format=args.format, year=args.year)
    for d in corpus.diagnostics:
        print(f"scholarmerge: {d}", file=sys.stderr)
    return corpus


def _write_records(records, to: str, out) -> None:
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
        raise SystemExit(f"scholarmerge: --to {to} is not available yet")


def cmd_parse(args) -> int:
    corpus = _read(args)
    if args.to == "jsonl":
        sys.stdout.write(corpus.to_jsonl())
    else:
        _write_records([json.loads(w.to_json()) for w in corpus], args.to, sys.stdout)
    return 0


def cmd_dedupe(args) -> int:
    corpus = _read(args)
    labels = dedupe(corpus, threshold=args.threshold)
    records = []
    for w, label in zip(corpus, labels):
        r = json.loads(w.to_json())
        r["cluster"] = int(label)
        records.append(r)
    _write_records(records, args.to, sys.stdout)
    return 0


def cmd_profile(args) -> int:
    if not args.paths:
        args.paths = [bundled_seeds()]
    corpus = _read(args)
    labels = dedupe(corpus)
    by_source: dict = {}
    for w, label in zip(corpus, labels):
        by_source.setdefault(w.source, []).append(int(label))
    owners = {p.source: p for p in corpus.profiles}
    result = []
    for source, labs in by_source.items():
        p = owners.get(source)
        name = p.name if p and p.name else "(not named)"
        if args.person and args.person.lower() not in name.lower():
            continue
        result.append({"name": name, "source": source, "n_entries": len(labs), "n_works": len(set(labs))})
    if args.to == "json":
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in result:
            print(f"{r['name']}: {r['n_entries']} entries, {r['n_works']} distinct works ({r['source']})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="scholarmerge", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp, paths_required=True):
        sp.add_argument("paths", nargs="+" if paths_required else "*", metavar="PATH")
        sp.add_argument("--format", default="auto", choices=["auto", *_core.formats()])
        sp.add_argument("--year", type=int, default=None, help="year the pages were captured (dates without a year)")

    sp = sub.add_parser("parse", help="read inputs and print their records")
    common(sp)
    sp.add_argument("--to", default="jsonl", choices=EXPORTS)
    sp.set_defaults(func=cmd_parse)

    sp = sub.add_parser("dedupe", help="every input record once, with a cluster field")
    common(sp)
    sp.add_argument("--threshold", type=float, default=None)
    sp.add_argument("--to", default="jsonl", choices=("jsonl", "csv"))
    sp.set_defaults(func=cmd_dedupe)

    sp = sub.add_parser("profile", help="merged per-researcher profiles (default: the bundled seeds)")
    common(sp, paths_required=False)
    sp.add_argument("--person", default=None)
    sp.add_argument("--to", default="text", choices=("text", "json"))
    sp.set_defaults(func=cmd_profile)
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ScholarmergeError as e:
        print(f"scholarmerge: error: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `scholarmerge parse ... | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())
