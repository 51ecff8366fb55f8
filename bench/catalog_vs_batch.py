"""Where DBLP-ACM added to a catalogue in 10 increments and one batch merge
that fits its own model differ: the record pairs one joins and the other does
not, their evidence, and each model's weights for it.

    .venv/bin/python bench/catalog_vs_batch.py [--increments 10]

Before the catalogue fitted its model again at each add (catalog/matching.py)
its last adds decided with the model of its last batch, fitted on the first
3,928 records, and this found one pair joined otherwise; now none.
"""

from __future__ import annotations

import argparse
import itertools
import os
import tempfile

import numpy as np

import scholarmerge as sm
from scholarmerge.evaluate import load_dblp_acm


def together(labels: list[object]) -> set[tuple[int, int]]:
    """The row pairs that share a label."""
    groups: dict[object, list[int]] = {}
    for i, g in enumerate(labels):
        groups.setdefault(g, []).append(i)
    return {p for rows in groups.values() for p in itertools.combinations(rows, 2)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--increments", type=int, default=10)
    args = ap.parse_args()
    frame, truth = load_dblp_acm()
    with tempfile.TemporaryDirectory() as d:
        cat = sm.Catalog(os.path.join(d, "c.sqlite"))
        for part in np.array_split(np.arange(len(frame)), args.increments):
            cat.add(frame.iloc[part], skip_stored=False)
        fitted_on = int(cat._db.execute("SELECT value FROM meta WHERE name = 'model_records'").fetchone()[0])
        work_of = dict(zip(cat.records["key"], cat.records["work_id"]))
        cat_model = cat.model
        with_cat_model = sm.merge(frame, model=cat_model)
        increments = together([work_of[k] for k in with_cat_model.keys])
        cat.close()
    own = sm.merge(frame)
    batch = together(own.work_of.tolist())
    print(f"{len(frame)} records; last batch of the catalogue at {fitted_on}; "
          f"pairs joined: catalogue {len(increments)}, batch {len(batch)}, true {len(truth)}")
    for name, pairs in (("catalogue", increments), ("batch", batch)):
        tp = len(pairs & truth)
        print(f"  {name}: precision {tp / len(pairs):.4f} recall {tp / len(truth):.4f}")
    print(f"prior: catalogue {cat_model.prior:.5f}, batch {own.model.prior:.5f}")
    w_cat = {(f, lv): w for f, lv, _, _, w in cat_model.weights()}
    w_own = {(f, lv): w for f, lv, _, _, w in own.model.weights()}
    for (a, b) in sorted(increments ^ batch):
        side = "catalogue only" if (a, b) in increments else "batch only"
        true = "true pair" if (a, b) in truth else "not a true pair"
        print(f"\nrows {a}, {b}: joined by the {side}, {true}")
        for r in (a, b):
            print(f"  {frame.title[r]!r} | {frame.authors[r]!r} | {frame.venue[r]!r} | {frame.year[r]}")
        for name, merged in (("catalogue", with_cat_model), ("batch", own)):
            e = merged.explain(a, b)
            print(f"  {name}: log-odds {e.log_odds:+.3f}, probability {e.probability:.3f}")
            print("    " + ", ".join(f"{r.evidence}={r.value} {r.contribution:+.2f}"
                                     for r in e.evidence.itertuples(index=False)))
    print("\nweights that differ by more than 0.1 (feature, level: catalogue, batch)")
    for key in w_cat:
        if abs(w_cat[key] - w_own[key]) > 0.1:
            print(f"  {key[0]}, {key[1]}: {w_cat[key]:+.2f}, {w_own[key]:+.2f}")


if __name__ == "__main__":
    main()
