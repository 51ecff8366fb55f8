"""Pairwise precision, recall and F1 of a clustering, and loaders for the
public matching benchmarks (DBLP-ACM, Cora) as distributed."""

from __future__ import annotations

import html
import itertools
import os
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    predicted_pairs: int
    true_pairs: int

    def __str__(self) -> str:
        return (f"P={self.precision:.4f} R={self.recall:.4f} F1={self.f1:.4f} "
                f"(predicted {self.predicted_pairs} pairs, true {self.true_pairs})")


def cluster_pairs(labels: Any, allowed: Any = None) -> set[Any]:
    """All pairs (i, j), i < j, of rows in the same cluster; `allowed(i, j)` filters them."""
    groups = defaultdict(list)
    for i, label in enumerate(np.asarray(labels).tolist()):
        groups[label].append(i)
    pairs = set()
    for members in groups.values():
        for i, j in itertools.combinations(members, 2):
            if allowed is None or allowed(i, j):
                pairs.add((i, j))
    return pairs


def pairwise_scores(predicted: set[Any], truth: set[Any]) -> Scores:
    tp = len(predicted & truth)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(truth) if truth else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Scores(p, r, f, len(predicted), len(truth))


def _default_root() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    for base in (os.getcwd(), here):
        for up in range(5):
            cand = os.path.join(base, *([".."] * up), "..", "shared", "benchmarks")
            if os.path.isdir(cand):
                return os.path.normpath(cand)
    return os.path.join(os.getcwd(), "..", "shared", "benchmarks")


def load_dblp_acm(root: str | None = None) -> Any:
    """(frame, true pairs): DBLP rows first, then ACM rows; columns title, authors, venue, year, side."""
    import pandas as pd

    root = root or _default_root()
    d = os.path.join(root, "dblp-acm")
    def read(name: str) -> Any:
        return pd.read_csv(os.path.join(d, name), sep="%", dtype=str, keep_default_na=False, encoding="utf-8",
                           engine="python")

    dblp, acm = read("dblp.csv"), read("acm.csv")
    matches = read("matches.csv")
    dblp["side"], acm["side"] = "dblp", "acm"
    dblp["source"], acm["source"] = os.path.join(d, "dblp.csv"), os.path.join(d, "acm.csv")
    frame = pd.concat([dblp, acm], ignore_index=True)
    for col in ("title", "authors", "venue"):
        frame[col] = frame[col].map(lambda s: html.unescape(s.strip()))
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce")
    row_of = {("dblp", i): k for k, i in enumerate(dblp["id"])}
    row_of.update({("acm", i): len(dblp) + k for k, i in enumerate(acm["id"])})
    truth = set()
    for a, b in zip(matches["D1"], matches["D2"]):
        i, j = row_of[("dblp", a)], row_of[("acm", b)]
        truth.add((min(i, j), max(i, j)))
    return frame, truth


def load_cora(root: str | None = None) -> Any:
    """(frame, true pairs) for Cora; columns title, authors, venue, note, year, pages."""
    import pandas as pd

    root = root or _default_root()
    d = os.path.join(root, "cora")
    frame = pd.read_csv(os.path.join(d, "cora.csv"), sep="|", dtype=str, keep_default_na=False,
                        engine="python", index_col=False)
    frame = frame.rename(columns={"author": "authors"})
    ids = {v: k for k, v in enumerate(frame["Entity Id"])}
    gt = pd.read_csv(os.path.join(d, "cora_gt.csv"), sep="|", header=None, dtype=str)
    truth = set()
    for a, b in zip(gt[0], gt[1]):
        i, j = ids[a], ids[b]
        if i != j:
            truth.add((min(i, j), max(i, j)))
    years = frame["year"].str.extract(r"((?:19|20)\d\d)")[0]
    frame["year"] = pd.to_numeric(years, errors="coerce")
    for col in ("title", "authors", "venue", "note"):
        frame[col] = frame[col].str.strip(" ,.;:'\"")
    return frame, truth


def score_dblp_acm(threshold: Any = None, root: Any = None) -> Scores:
    from .dedupe import dedupe

    frame, truth = load_dblp_acm(root)
    labels = dedupe(frame, threshold=threshold)
    sides = frame["side"].tolist()
    predicted = cluster_pairs(labels, allowed=lambda i, j: sides[i] != sides[j])
    return pairwise_scores(predicted, truth)


def score_cora(threshold: Any = None, root: Any = None) -> Scores:
    from .dedupe import dedupe

    frame, truth = load_cora(root)
    labels = dedupe(frame, threshold=threshold)
    return pairwise_scores(cluster_pairs(labels), truth)


def load_dblp_acm_split(kind: str = "structured", split: str = "test", root: str | None = None) -> Any:
    """(frame, pairs, labels) for the published DeepMatcher/Ditto form of DBLP-ACM:
    tableA (DBLP) rows first, then tableB (ACM); `pairs` are the split's (row, row)
    candidate pairs and `labels` their 0/1 truth. `kind` is "structured" or "dirty"."""
    import pandas as pd

    if kind not in ("structured", "dirty"):
        raise ValueError(f"kind must be 'structured' or 'dirty', not {kind!r}")
    root = root or _default_root()
    d = os.path.join(root, "dblp-acm-splits", kind)
    def read(name: str) -> Any:
        return pd.read_csv(os.path.join(d, name), dtype=str, keep_default_na=False)

    a, b = read("tableA.csv"), read("tableB.csv")
    a["side"], b["side"] = "dblp", "acm"
    frame = pd.concat([a, b], ignore_index=True)
    for col in ("title", "authors", "venue"):
        frame[col] = frame[col].map(lambda s: html.unescape(s.strip()))
    frame["year"] = pd.to_numeric(frame["year"], errors="coerce").astype("Int64")
    row_a = {v: k for k, v in enumerate(a["id"])}
    row_b = {v: len(a) + k for k, v in enumerate(b["id"])}
    split_rows = read(f"{split}.csv")
    pairs = [(row_a[x], row_b[y]) for x, y in zip(split_rows["ltable_id"], split_rows["rtable_id"])]
    return frame, pairs, split_rows["label"].astype(int).tolist()


def score_dblp_acm_split(kind: str = "structured", split: str = "test", pair_alone: bool = False,
                         root: str | None = None, trained: bool = False, with_source: bool = False) -> Scores:
    """F1 on a split's labelled pairs. Clustered (default): a pair is predicted a
    match when its two records end in one cluster after deduplicating all the
    records of both tables together. `pair_alone`: when the matcher's decision on
    that pair alone (weights fitted on the same records) says so. `trained`: the
    model refined by the train split's labelled pairs (``sm.fit(labels=...)``).
    `with_source`: each record's table (tableA, tableB) is its `source`, as a
    user merging the two tables would give it; by default the rows have none."""
    from .dedupe import dedupe, fit, score_pairs

    frame, pairs, truth = load_dblp_acm_split(kind, split, root)
    frame = frame.drop(columns=["id"])
    frame = frame.rename(columns={"side": "source"}) if with_source else frame.drop(columns=["side"])
    model = None
    if trained:
        _, train_pairs, train_truth = load_dblp_acm_split(kind, "train", root)
        model = fit(frame, labels=[(i, j, t) for (i, j), t in zip(train_pairs, train_truth)])
    if pair_alone:
        predicted = [p >= 0.5 for p in score_pairs(frame, pairs, model=model)]
    else:
        labels = dedupe(frame, model=model)
        predicted = [labels[i] == labels[j] for i, j in pairs]
    tp = sum(1 for p, t in zip(predicted, truth) if p and t)
    n_pred, n_true = sum(predicted), sum(truth)
    prec = tp / n_pred if n_pred else 1.0
    rec = tp / n_true if n_true else 1.0
    f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return Scores(prec, rec, f, n_pred, n_true)


def score_dblp_acm_no_source(root: Any = None) -> Scores:
    """DBLP-ACM full, as a plain DataFrame with no `source` column."""
    from .dedupe import dedupe

    frame, truth = load_dblp_acm(root)
    sides = frame["side"].tolist()
    labels = dedupe(frame.drop(columns=["source", "side", "id"]))
    predicted = cluster_pairs(labels, allowed=lambda i, j: sides[i] != sides[j])
    return pairwise_scores(predicted, truth)
