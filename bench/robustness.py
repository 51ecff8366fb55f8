"""The team's robustness set: DBLP records varied the way real sources vary,
next to distinct works that look alike.

Built from `../shared/benchmarks/dblp-acm/dblp.csv` by a seeded generator, so
anyone can rebuild it and nobody tunes to one file. Every DBLP record is kept
once as the base. A sample of them gets a second copy ("a version") carrying
one class of variation, and another sample gets a distinct look-alike work:

  variation classes (should be merged with their base)
    ocr          OCR confusions in one or two title words (l/1, O/0, m/rn, ti/ü, ...)
    surname      the author list written `Surname, I.; Surname, I.`
    etal         only the first author, then `et al.`
    article_year a leading article dropped (or added) and the year one off
    dirty        the title field holds title, authors, venue and year; the rest empty
    casing       title in upper or lower case with its punctuation changed
    venue        the venue abbreviated or spelled out differently, year missing

  look-alike classes (distinct works: must not be merged with their base)
    version      `X++`, `X-V2`, `X II`, `X 2` for the title's lead word (a system name)
    part         `..., Part II` or `(Part 2)` appended
    erratum      `Erratum to: ...` / `Corrigendum: ...`
    sequel       the same title with one content word swapped and the year later

    python bench/robustness.py               # the table, with and without a source column
    python bench/robustness.py --write x.csv # the generated set itself

The score is pairwise over the whole set (every cluster's pairs against the
truth), and the look-alike share is how many look-alikes ended in their
base's cluster.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from dataclasses import dataclass

import pandas as pd

VARIATIONS = ("ocr", "surname", "etal", "article_year", "dirty", "casing", "venue")
LOOKALIKES = ("version", "part", "erratum", "sequel")

# Confusions real OCR makes on scanned title pages (pairs that look alike in print).
OCR_SWAPS = [("l", "1"), ("O", "0"), ("m", "rn"), ("ti", "ü"), ("rn", "m"), ("I", "l"), ("o", "0"),
             ("e", "c"), ("h", "b"), ("fi", "f"), ("S", "5"), ("cl", "d")]
ARTICLES = ("The", "A", "An")
VENUE_FORMS = {
    "SIGMOD Record": ["ACM SIGMOD Record", "SIGMOD Rec."],
    "VLDB": ["Very Large Data Bases", "Proc. VLDB", "VLDB Conference"],
    "SIGMOD Conference": ["SIGMOD", "Proceedings of the ACM SIGMOD International Conference on Management of Data"],
    "ACM Trans. Database Syst.": ["TODS", "ACM Transactions on Database Systems"],
    "VLDB J.": ["The VLDB Journal", "VLDB Journal"],
}
SWAP_WORDS = ["Efficient", "Scalable", "Adaptive", "Distributed", "Incremental", "Approximate", "Parallel",
              "Secure", "Dynamic", "Optimal"]


@dataclass
class Row:
    title: str
    authors: str
    venue: str
    year: object
    entity: int
    kind: str  # "base", a variation class or a look-alike class


def _ocr(rng, title):
    words = title.split()
    idx = [i for i, w in enumerate(words) if len(w) >= 4]
    if not idx:
        return None
    changed = 0
    for i in rng.sample(idx, min(len(idx), rng.choice((1, 2)))):
        for a, b in rng.sample(OCR_SWAPS, len(OCR_SWAPS)):
            if a in words[i]:
                words[i] = words[i].replace(a, b, 1)
                changed += 1
                break
    return " ".join(words) if changed else None


def _names(authors):
    return [a.strip() for a in authors.split(",") if a.strip()]


def _surname_first(authors):
    out = []
    for name in _names(authors):
        parts = name.split()
        if len(parts) < 2:
            out.append(name)
            continue
        initials = " ".join(p[0] + "." for p in parts[:-1])
        out.append(f"{parts[-1]}, {initials}")
    return "; ".join(out) if out else None


def _article_year(rng, title, year):
    words = title.split()
    if words and words[0] in ARTICLES:
        new = " ".join(words[1:])
    else:
        new = "The " + title[0].lower() + title[1:] if title[:1].isupper() and not title[:2].isupper() else None
    if not new or pd.isna(year):
        return None
    return new, int(year) + rng.choice((-1, 1))


def _casing(rng, title):
    t = title.upper() if rng.random() < 0.5 else title.lower()
    return t.replace(":", " -").replace(",", "") if rng.random() < 0.5 else t.replace(" - ", ": ")


def _version(rng, title):
    words = title.split()
    lead = words[0].rstrip(":")
    # A system name: a lead word in capitals or camel case, then a subtitle.
    if not (":" in words[0] and any(c.isupper() for c in lead[1:])):
        return None
    mark = rng.choice(("++", "-V2", " II", " 2", "-2"))
    return " ".join([lead + mark + ":"] + words[1:])


def _part(rng, title):
    return title + rng.choice((", Part II", " (Part 2)", ": Part 2", " II"))


def _erratum(rng, title):
    return rng.choice(("Erratum to: ", "Corrigendum: ", "Correction to ")) + title


def _sequel(rng, title, year):
    words = title.split()
    idx = [i for i, w in enumerate(words) if len(w) >= 6 and w[0].isupper()]
    if not idx or pd.isna(year):
        return None
    i = rng.choice(idx)
    choices = [w for w in SWAP_WORDS if w.lower() != words[i].lower()]
    words[i] = rng.choice(choices)
    return " ".join(words), int(year) + rng.choice((1, 2))


def build(root: str | None = None, n_variants: int = 700, n_lookalikes: int = 200, seed: int = 7) -> pd.DataFrame:
    """The set as a frame: title, authors, venue, year, entity, kind."""
    from scholarmerge.evaluate import _default_root

    rng = random.Random(seed)
    root = root or _default_root()
    dblp = pd.read_csv(os.path.join(root, "dblp-acm", "dblp.csv"), sep="%", dtype=str, keep_default_na=False,
                       encoding="utf-8", engine="python")
    dblp["year"] = pd.to_numeric(dblp["year"], errors="coerce")
    rows = [Row(t.strip(), a.strip(), v.strip(), y, i, "base")
            for i, (t, a, v, y) in enumerate(zip(dblp["title"], dblp["authors"], dblp["venue"], dblp["year"]))]
    base = list(rows)
    order = list(range(len(base)))
    rng.shuffle(order)

    def vary(kind, b):
        if kind == "ocr":
            t = _ocr(rng, b.title)
            return t and Row(t, b.authors, b.venue, b.year, b.entity, kind)
        if kind == "surname":
            a = _surname_first(b.authors)
            return a and len(_names(b.authors)) >= 2 and Row(b.title, a, b.venue, b.year, b.entity, kind)
        if kind == "etal":
            names = _names(b.authors)
            return len(names) >= 3 and Row(b.title, names[0] + " et al.", b.venue, b.year, b.entity, kind)
        if kind == "article_year":
            got = _article_year(rng, b.title, b.year)
            return got and Row(got[0], b.authors, b.venue, got[1], b.entity, kind)
        if kind == "dirty":
            year = "" if pd.isna(b.year) else str(int(b.year))
            glued = " ".join(x for x in (b.title, b.authors, b.venue, year) if x)
            return Row(glued, "", "", None, b.entity, kind)
        if kind == "casing":
            return Row(_casing(rng, b.title), b.authors, b.venue, b.year, b.entity, kind)
        if kind == "venue":
            forms = VENUE_FORMS.get(b.venue)
            return forms and Row(b.title, b.authors, rng.choice(forms), None, b.entity, kind)
        raise ValueError(kind)

    def look(kind, b, entity):
        if kind == "version":
            t = _version(rng, b.title)
        elif kind == "part":
            t = _part(rng, b.title)
        elif kind == "erratum":
            t = _erratum(rng, b.title)
        else:
            got = _sequel(rng, b.title, b.year)
            if not got:
                return None
            return Row(got[0], b.authors, b.venue, got[1], entity, kind)
        return t and Row(t, b.authors, b.venue, b.year, entity, kind)

    it = iter(order)
    made = 0
    while made < n_variants:
        b = base[next(it)]
        r = vary(VARIATIONS[made % len(VARIATIONS)], b)
        if r:
            rows.append(r)
            made += 1
        else:
            # No such variant of this record (no subtitle, one author, ...): the next record gets the class.
            continue
    made, entity = 0, len(base)
    k = 0
    while made < n_lookalikes:
        b = base[next(it)]
        kind = LOOKALIKES[k % len(LOOKALIKES)]
        r = look(kind, b, entity)
        if r:
            rows.append(r)
            made += 1
            entity += 1
            k += 1
    frame = pd.DataFrame([r.__dict__ for r in rows])
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    return frame


def lookalike_merges(frame: pd.DataFrame, labels) -> tuple[int, int]:
    """How many look-alikes share a cluster with any base record (the work they imitate)."""
    kinds = frame["kind"].tolist()
    base_labels = {labels[i] for i, k in enumerate(kinds) if k == "base"}
    n = sum(1 for k in kinds if k in LOOKALIKES)
    merged = sum(1 for i, k in enumerate(kinds) if k in LOOKALIKES and labels[i] in base_labels)
    return merged, n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", help="write the generated set to this CSV and stop")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    frame = build(seed=args.seed)
    if args.write:
        frame.to_csv(args.write, index=False)
        print(f"wrote {len(frame)} rows to {args.write}")
        return 0
    print(f"robustness set: {len(frame)} records, {sum(frame['kind'].isin(VARIATIONS))} varied copies, "
          f"{sum(frame['kind'].isin(LOOKALIKES))} look-alike distinct works (seed {args.seed})\n")
    print("| input | P | R | F1 | look-alikes merged | " + " | ".join(VARIATIONS) + " |")
    print("|---|---|---|---|---|" + "---|" * len(VARIATIONS))
    for with_source in (True, False):
        r = evaluate(frame, with_source)
        per = " | ".join(f"{r['found'][k]}/{r['total'][k]}" for k in VARIATIONS)
        print(f"| {'with source' if with_source else 'no source'} | {r['scores'].precision:.4f} | "
              f"{r['scores'].recall:.4f} | {r['scores'].f1:.4f} | {r['looks_merged']}/{r['looks']} "
              f"({100 * r['looks_merged'] / r['looks']:.1f} %) | {per} |")
    return 0


def evaluate(frame: pd.DataFrame, with_source: bool) -> dict:
    """Scores, per-class recall of the varied copies and look-alike merges."""
    import scholarmerge as sm
    from scholarmerge.evaluate import cluster_pairs, pairwise_scores

    data = frame[["title", "authors", "venue", "year"]].copy()
    if with_source:
        data["source"] = ["dblp" if k == "base" else "web" for k in frame["kind"]]
    labels = list(sm.dedupe(data))
    ent, kinds = frame["entity"].tolist(), frame["kind"].tolist()
    scores = pairwise_scores(cluster_pairs(labels), cluster_pairs(ent))
    base_label = {e: labels[i] for i, (e, k) in enumerate(zip(ent, kinds)) if k == "base"}
    found = {k: 0 for k in VARIATIONS}
    total = {k: 0 for k in VARIATIONS}
    for i, k in enumerate(kinds):
        if k in total:
            total[k] += 1
            found[k] += labels[i] == base_label[ent[i]]
    merged, n = lookalike_merges(frame, labels)
    return {"scores": scores, "found": found, "total": total, "looks_merged": merged, "looks": n,
            "labels": labels}


if __name__ == "__main__":
    sys.exit(main())
