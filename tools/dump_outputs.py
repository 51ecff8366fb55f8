"""Dump what the readers and the name parser produce, to compare two builds.

    python tools/dump_outputs.py reads OUT.jsonl [FILE ...]  # every file in tests/data (and each FILE) through sm.read
    python tools/dump_outputs.py names OUT.jsonl   # every benchmark and generated name through sm.parse_names
    python tools/dump_outputs.py compare A.jsonl B.jsonl

FILE: more inputs to dump, such as bench_json.py's generated files
(bench/.cache/), whose author-heavy shape tests/data has little of.

Run `reads` and `names` with the build before a change and again after it;
`compare` prints the first lines that differ and exits 1 if any do. Speed
work must leave both dumps identical (fields and diagnostics alike).
"""

from __future__ import annotations

import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
AUTHOR_FIELDS = ("raw", "display", "given", "surname", "initials", "suffix", "key", "id", "affiliations",
                 "equal_contribution", "highlighted")
WORK_FIELDS = ("title", "authors_truncated", "year", "date", "venue", "abstract", "category", "ids", "links",
               "source_format", "source_line", "extra")


def _plain(v):
    """A field as JSON: what pybind returns for maps and variants, made comparable."""
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)


def _author(a) -> dict:
    return {f: _plain(getattr(a, f)) for f in AUTHOR_FIELDS}


def dump_reads(out, extra: list[str]) -> None:
    import scholarmerge as sm

    paths = []
    for root, _, files in sorted(os.walk(DATA)):
        if "_config.yml" in files:
            paths.append(root)  # an academicpages site: read as a whole too
        paths += [os.path.join(root, name) for name in sorted(files)]
    for path in paths + [os.path.abspath(p) for p in extra]:
        rel = os.path.relpath(path, DATA) if path.startswith(DATA) else os.path.basename(path)
        try:
            corpus = sm.read(path, progress=False)
        except Exception as e:  # an error is an output too: it must stay the same
            out.write(json.dumps({"file": rel, "error": f"{type(e).__name__}: {e}".replace(ROOT, "<root>")}) + "\n")
            continue
        for w in corpus:
            rec = {f: _plain(getattr(w, f)) for f in WORK_FIELDS}
            rec["authors"] = [_author(a) for a in w.authors]
            out.write(json.dumps({"file": rel, "work": rec}, ensure_ascii=False, sort_keys=True) + "\n")
        for d in corpus.diagnostics:
            text = {k: _plain(getattr(d, k)) for k in ("line", "severity", "message") if hasattr(d, k)}
            out.write(json.dumps({"file": rel, "diagnostic": text}, ensure_ascii=False, sort_keys=True)
                      .replace(ROOT, "<root>") + "\n")


def benchmark_names() -> list[str]:
    """Every author of DBLP-ACM and Cora, as parse_author_list splits them."""
    import scholarmerge as sm
    from scholarmerge import evaluate as ev

    out = []
    for load in (ev.load_dblp_acm, ev.load_cora):
        frame, _ = load()
        for s in frame["authors"]:
            if isinstance(s, str):
                out += [a.raw for a in sm.parse_author_list(s)[0]]
    return out


def generated_names(seed_names: list[str], limit: int = 40000) -> list[str]:
    """Each benchmark name's words rearranged in the shapes sources write."""
    import random

    rng = random.Random(0)
    givens, surnames = [], []
    for n in seed_names:
        words = n.replace(",", " ").split()
        if len(words) >= 2:
            givens.append(words[0])
            surnames.append(words[-1])
    extra = ["van der", "de", "Jr.", "III", "PhD", "Dr.", "Prof.", "'t", "O'Brien", "Müller", "ŁUKASZ", "José",
             "Seung-won", "ZW", "M.", "J.-P.", "y.mansour", "K.Selçuk", "de la", "Hans-Jörg", "LI", "ng", "**",
             "<b>", "&amp;", "\\'e", "1", "†", "'Bob'", "(DK)", "\u00a0", "  ", "\t", "é", "ß"]
    shapes = [
        lambda g, s, m: f"{g} {s}", lambda g, s, m: f"{s}, {g}", lambda g, s, m: f"{g[0]}. {s}",
        lambda g, s, m: f"{s}, {g[0]}.", lambda g, s, m: f"{g} {m[0]}. {s}", lambda g, s, m: f"{s} {g[0]}{m[0]}",
        lambda g, s, m: f"{g.lower()} {s.lower()}", lambda g, s, m: f"{g.upper()} {s.upper()}",
        lambda g, s, m: f"{s}, {g[0]}. {m[0]}.", lambda g, s, m: f"{g[0]}.{m[0]}. {s}",
        lambda g, s, m: f"{g} {rng.choice(extra)} {s}", lambda g, s, m: f"{g} {s} {rng.choice(extra)}",
        lambda g, s, m: f"{rng.choice(extra)} {g} {s}", lambda g, s, m: f"{s}, {g} {rng.choice(extra)}",
        lambda g, s, m: f"{s} {rng.choice(extra)}, {g}", lambda g, s, m: f"{g}{rng.choice(extra)}{s}",
    ]
    out = []
    while len(out) < limit and givens:
        g, s, m = rng.choice(givens), rng.choice(surnames), rng.choice(givens)
        out.append(rng.choice(shapes)(g, s, m))
    return out


def all_names() -> list[str]:
    names = benchmark_names()
    return names + generated_names(names)


def dump_names(out) -> None:
    import scholarmerge as sm

    names = all_names()
    cols = sm.parse_names(names)
    fields = ("raw", "display", "given", "surname", "initials", "suffix", "key", "equal_contribution", "highlighted")
    for i, n in enumerate(names):
        out.write(json.dumps([n] + [getattr(cols, f)[i] for f in fields], ensure_ascii=False) + "\n")


def compare(a: str, b: str) -> int:
    with open(a, encoding="utf-8") as fa, open(b, encoding="utf-8") as fb:
        la, lb = fa.readlines(), fb.readlines()
    bad = [(i, x, y) for i, (x, y) in enumerate(zip(la, lb)) if x != y]
    if len(la) != len(lb):
        print(f"{a}: {len(la)} lines, {b}: {len(lb)} lines")
    for i, x, y in bad[:20]:
        print(f"line {i + 1}:\n  {x.rstrip()}\n  {y.rstrip()}")
    print(f"{len(la)} lines compared, {len(bad)} differ")
    return 1 if bad or len(la) != len(lb) else 0


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        return compare(sys.argv[2], sys.argv[3])
    if len(sys.argv) < 3 or sys.argv[1] not in ("reads", "names") or (sys.argv[1] == "names" and len(sys.argv) > 3):
        print(__doc__)
        return 2
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        if sys.argv[1] == "reads":
            dump_reads(out, sys.argv[3:])
        else:
            dump_names(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
