"""The ``scholarmerge catalog`` commands: add records to a catalogue, show
its works (of one person), list the changes since a change number."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def cmd_add(args: argparse.Namespace, read: Callable[[argparse.Namespace], Any]) -> int:
    from .catalog import Catalog

    with Catalog(args.db) as cat:
        print(cat.add(read(args)))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .catalog import Catalog

    with Catalog(args.db) as cat:
        works = cat.person_works(args.person) if args.person else cat.works
        print(repr(cat))
        for w in works.itertuples(index=False):
            year = "" if w.year is None or w.year != w.year else f" ({w.year})"
            print(f"{w.work_id}  {w.title}{year}  [{w.n_records} record(s)]")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .catalog import Catalog

    with Catalog(args.db) as cat:
        for r in cat.changes_since(args.since).itertuples(index=False):
            print(f"{r.change}\t{r.at}\t{r.action}\t{r.work_id or ''}\t{r.what or ''}\t{r.detail or ''}")
    return 0


def add_parser(sub: Any, common: Callable[[Any], None], read: Callable[[argparse.Namespace], Any]) -> None:
    """``catalog add DB PATH...``, ``catalog show DB [--person NAME]``, ``catalog diff DB --since N``."""
    cp = sub.add_parser("catalog", help="a catalogue in a SQLite file: add, show, diff")
    csub = cp.add_subparsers(dest="catalog_command", required=True)
    sp = csub.add_parser("add", help="add the records of PATHs (one transaction) and print what changed")
    sp.add_argument("db", metavar="DB")
    common(sp)
    sp.set_defaults(func=lambda a: cmd_add(a, read))
    sp = csub.add_parser("show", help="the works of the catalogue, or of one person")
    sp.add_argument("db", metavar="DB")
    sp.add_argument("--person", default=None, metavar="NAME")
    sp.set_defaults(func=cmd_show)
    sp = csub.add_parser("diff", help="the works each change after change N touched")
    sp.add_argument("db", metavar="DB")
    sp.add_argument("--since", type=int, default=0, metavar="N")
    sp.set_defaults(func=cmd_diff)
