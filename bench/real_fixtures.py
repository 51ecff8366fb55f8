"""Records read and diagnostics per real fixture (tests/data/real): the raw
count comes from the file itself (json parse, a count of @entries, the
`_publications/*.md` files of an academicpages site), not from the reader.
Responses that hold no works show what they hold (a Crossref message-type, an
OpenAlex entity kind).

    python bench/real_fixtures.py [--summary]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

import scholarmerge as sm

REAL = Path(__file__).resolve().parents[1] / "tests" / "data" / "real"
ENTRY = re.compile(r"^[ \t]*@[ \t]*([A-Za-z_]+)[ \t]*[{(]", re.M)


# The envelopes of the APIs we read, and the key that holds their records.
ENVELOPES = ("results", "data", "recommendedPapers")


def about_items(about: Path) -> list[str]:
    """The paragraphs or list items under an About page's Publications heading."""
    if not about.exists():
        return []
    items, inside = [], False
    for block in re.split(r"\n\s*\n", about.read_text(encoding="utf-8").split("---", 2)[2]):
        block = block.strip()
        if block.startswith("#"):
            inside = "publication" in block.lower()
        elif inside and block:
            items.append(block)
    return items


def raw_count(p: Path) -> int | str:
    if p.is_dir():  # an academicpages site: its publication files and its About page's list
        return len(list((p / "_publications").glob("*.md"))) + len(about_items(p / "_pages" / "about.md"))
    if p.suffix == ".bib":
        text = p.read_bytes().decode("utf-8", "replace")
        return sum(1 for m in ENTRY.finditer(text) if m.group(1).lower() not in ("string", "preamble", "comment"))
    doc = json.loads(p.read_bytes())
    if isinstance(doc, list):
        return len(doc)
    if "message-type" in doc:
        kind = doc["message-type"]
        if kind == "work":
            return 1
        if kind == "work-list":
            return len(doc["message"].get("items", []))
        return kind
    for key in ENVELOPES:
        if isinstance(doc.get(key), list):
            return len(doc[key])
    if "citingPaper" in doc or "citedPaper" in doc:
        return 1
    oid = str(doc.get("id", ""))
    if "openalex.org/" in oid and not re.search(r"openalex\.org/W\d", oid):
        return "openalex " + oid.split("openalex.org/")[1].rstrip("0123456789/").split("/")[0]
    return 1


def fixtures() -> list[Path]:
    files = [q for q in REAL.rglob("*") if q.suffix in (".json", ".bib")]
    sites = [q for q in (REAL / "academicpages").glob("*") if (q / "_publications").is_dir()]
    return sorted(files + sites)


def folder(p: Path) -> str:
    return p.relative_to(REAL).parts[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--summary", action="store_true", help="totals per format only")
    args = ap.parse_args()
    totals: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    if not args.summary:
        print("| file | raw records | read | as format | diagnostics |")
        print("|---|---:|---:|---|---|")
    for p in fixtures():
        raw = raw_count(p)
        c = sm.read(str(p))
        sev = collections.Counter(d.severity for d in c.diagnostics)
        fmts = collections.Counter(w.source_format for w in c)
        t = totals[folder(p)]
        t["files"] += 1
        t["raw"] += raw if isinstance(raw, int) else 0
        t["non-work responses"] += 0 if isinstance(raw, int) else 1
        t["read"] += len(c)
        t["detected"] += fmts[folder(p)]
        t["lost"] += max(0, raw - len(c)) if isinstance(raw, int) and not c.diagnostics else 0
        for k, v in sev.items():
            t[k] += v
        if not args.summary:
            print(f"| {p.relative_to(REAL)} | {raw} | {len(c)} | {dict(fmts)} | {dict(sev)} |")
    print("\n| folder | files | raw records | read | read as the folder's format | non-work responses | lost silently | warnings | errors | info |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for k, t in sorted(totals.items()):
        print(f"| {k} | {t['files']} | {t['raw']} | {t['read']} | {t['detected']} | {t['non-work responses']} | {t['lost']} | "
              f"{t['warning']} | {t['error']} | {t['info']} |")


if __name__ == "__main__":
    main()
