"""Synthetic bibliographic records with known duplicates, for speed and scale.

Titles are drawn from a vocabulary with a Zipf-like word distribution; each
work gets 1-6 authors and a year. A share of works is repeated with realistic
perturbations: typos, casing, punctuation, a dropped subtitle, initials for
given names, reordered authors, the year off by one.

    python bench/synthetic.py 100000 out.csv     # title, authors, year, truth
"""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd

SYLLABLES = ["ka", "lo", "mi", "ne", "ra", "ti", "zu", "be", "do", "fa", "gi", "ho", "ju", "ly", "qu", "se",
             "wa", "xe", "pro", "con", "tion", "ment", "graph", "net", "data", "learn", "quant", "vec", "opt"]
GLUE = ["of", "for", "in", "with", "and", "on", "via", "the", "a", "to"]
GIVEN = ["Wei", "Anna", "Jose", "Li", "Maria", "John", "Yuki", "Omar", "Sara", "Ivan", "Chen", "Priya", "Lars",
         "Fatima", "Diego", "Min", "Olga", "Ahmed", "Emma", "Raj"]


def vocabulary(rng, n=20000):
    words = set()
    while len(words) < n:
        k = rng.integers(2, 5)
        words.add("".join(rng.choice(SYLLABLES, size=k)))
    return np.array(sorted(words))


def make(n: int, dup_rate: float = 0.3, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    vocab = vocabulary(rng)
    surnames = vocabulary(np.random.default_rng(seed + 1), 30000)
    n_works = int(n / (1 + dup_rate))
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** 0.8
    zipf /= zipf.sum()
    titles, authors, years = [], [], []
    for _ in range(n_works):
        k = int(rng.integers(4, 12))
        ws = list(rng.choice(vocab, size=k, p=zipf))
        for pos in rng.choice(k, size=min(2, k - 1), replace=False):
            ws.insert(int(pos) + 1, str(rng.choice(GLUE)))
        t = " ".join(ws).capitalize()
        if rng.random() < 0.3:
            t = t.split(" ")[0].upper() + ": " + t
        titles.append(t)
        na = int(rng.integers(1, 7))
        authors.append([f"{rng.choice(GIVEN)} {str(rng.choice(surnames)).capitalize()}" for _ in range(na)])
        years.append(int(rng.integers(1990, 2025)))
    rows = [(titles[i], authors[i], years[i], i) for i in range(n_works)]
    n_dups = n - n_works
    for i in rng.integers(0, n_works, size=n_dups):
        t, a, y = titles[i], list(authors[i]), years[i]
        r = rng.random()
        if r < 0.25 and len(t) > 10:  # a typo
            p = int(rng.integers(1, len(t) - 1))
            t = t[:p] + t[p + 1] + t[p] + t[p + 2:]
        elif r < 0.45:
            t = t.lower()
        elif r < 0.6 and ": " in t:
            t = t.split(": ", 1)[1]  # the name before the colon dropped
        elif r < 0.75:
            t = t.replace(" ", " - ", 1)
        if rng.random() < 0.5:
            a = [x.split(" ")[0][0] + ". " + x.split(" ")[1] for x in a]
        if rng.random() < 0.3:
            rng.shuffle(a)
        if rng.random() < 0.2:
            y = y + int(rng.choice([-1, 1]))
        rows.append((t, a, y, int(i)))
    order = rng.permutation(len(rows))
    df = pd.DataFrame([rows[k] for k in order], columns=["title", "authors", "year", "truth"])
    df["authors"] = df["authors"].map(", ".join)
    return df


def cached(n: int, seed: int = 1) -> pd.DataFrame:
    """make(n, seed=seed), generated once into bench/.cache/ (a million rows take minutes)."""
    import os

    cache = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")
    path = os.path.join(cache, f"synthetic_{n}_{seed}.pkl")
    if os.path.exists(path):
        return pd.read_pickle(path)
    df = make(n, seed=seed)
    os.makedirs(cache, exist_ok=True)
    df.to_pickle(path + ".tmp")
    os.replace(path + ".tmp", path)
    return df


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    out = sys.argv[2] if len(sys.argv) > 2 else f"synthetic_{n}.csv"
    make(n).to_csv(out, index=False)
    print(f"wrote {n} records to {out}")
