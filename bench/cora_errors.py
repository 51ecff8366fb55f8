"""Cora's errors cluster by cluster: the largest missed merges (a labelled entity
split over predicted clusters) and false merges (a predicted cluster joining
labelled entities), with each side's titles, authors, venues and years as the
matcher sees them and the verdict on the best pair across.

    .venv/bin/python bench/cora_errors.py [--top 25] [--rows 4]

Pairs grow with the square of cluster size, so a few blocks carry most of the
error; this lists the blocks by pairs lost."""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

import numpy as np

from scholarmerge import _core
from scholarmerge import evaluate as ev
from scholarmerge.dedupe import _frame_columns, dedupe, dedupe_details


def components(n, truth):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in truth:
        parent[find(i)] = find(j)
    return [find(i) for i in range(n)]


def show(frame, info, ids, limit):
    """Distinct (title, venue kind, year) of the rows, most frequent first."""
    seen = Counter((info[i]["title"], info[i]["venue"], info[i]["year"]) for i in ids)
    for (title, kind, year), count in seen.most_common(limit):
        i = next(k for k in ids if (info[k]["title"], info[k]["venue"], info[k]["year"]) == (title, kind, year))
        print(f"      {count:3d}x  {year or '----'} {kind:11s} {title[:90]}")
        print(f"            authors {' '.join(info[i]['surnames'])[:70]} | venue {frame.venue[i][:60]!r}")
    if len(seen) > limit:
        print(f"            ... {len(seen) - limit} more distinct")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--rows", type=int, default=4)
    args = ap.parse_args()

    frame, truth = ev.load_cora()
    labels = dedupe(frame).tolist()
    n = len(frame)
    entity = components(n, truth)
    cols = _frame_columns(frame)

    # Blocks: (entity, cluster) cells of the contingency table.
    cells = defaultdict(list)
    for i in range(n):
        cells[(entity[i], labels[i])].append(i)
    by_entity, by_cluster = defaultdict(list), defaultdict(list)
    for (e, c), ids in cells.items():
        by_entity[e].append(ids)
        by_cluster[c].append(ids)

    def blocks(groups):
        out = []
        for parts in groups.values():
            for a in range(len(parts)):
                for b in range(a + 1, len(parts)):
                    out.append((len(parts[a]) * len(parts[b]), parts[a], parts[b]))
        return sorted(out, key=lambda x: -x[0])

    missed, false = blocks(by_entity), blocks(by_cluster)
    # The verdict on every pair across the top blocks: the best is reported.
    top = missed[: args.top] + false[: args.top]
    pairs = [(min(i, j), max(i, j)) for _, a, b in top for i in a for j in b]
    model = dedupe_details(frame).model  # the one dedupe decided with
    info, verdicts = _core.explain_columns(cols["titles"], cols["authors"], cols["years"], cols["venues"], pairs,
                                           model, pages=cols["pages"], notes=cols["notes"])
    verdict = dict(zip(pairs, verdicts))

    def report(title, blist, total):
        print(f"\n=== {title}: {total} pairs in {len(blist)} blocks; the largest {args.top}")
        for count, a, b in blist[: args.top]:
            across = [verdict[(min(i, j), max(i, j))] for i in a for j in b]
            best = max(across, key=lambda v: (v["log_odds"], v["title_similarity"]))
            ok = sum(v["same"] for v in across)
            guarded = sum(bool(v["guards"]) for v in across)
            levels = ", ".join(f"{name} {level}" for name, level, _ in best["evidence"])
            print(f"\n{count:5d} pairs ({len(a)} x {len(b)}); best probability {best['probability']:.3f} "
                  f"title {best['title_similarity']:.2f} ({levels}); same {ok}/{len(across)}, guarded {guarded}"
                  + (f" ({best['guards'][0]})" if best["guards"] else ""))
            for side in (a, b):
                print("   side:")
                show(frame, info, side, args.rows)

    report("MISSED (one entity, several clusters)", missed, sum(c for c, _, _ in missed))
    report("FALSE (one cluster, several entities)", false, sum(c for c, _, _ in false))


if __name__ == "__main__":
    main()
