"""Synthetic bibliographic records with known duplicates, for speed and scale.

Titles are drawn from a vocabulary with a Zipf-like word distribution, whose
size grows with the corpus as real titles' vocabulary does (Heaps' law, fitted
on DBLP; `growing=False` gives the earlier fixed 20,000 words); each
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


# Heaps' law V(n) = K * n**BETA for the distinct words in n titles, fitted on
# DBLP-ACM's DBLP titles (normalised, 100 to 2,600 titles, five random orders):
# a real vocabulary keeps growing, so posting lists do not grow with n alone.
HEAPS_K, HEAPS_BETA = 20.6, 0.663
ZIPF_S = 1.0  # their rank-frequency slope: 0.99 over ranks 10-1000 (the fixed vocabulary had 0.8)


def vocabulary(rng, n=20000):
    """n distinct made-up words of 2-5 syllables, sorted."""
    words = np.zeros(0, dtype=str)
    while len(words) < n:
        k = rng.integers(2, 6, size=2 * (n - len(words)) + 16)
        parts = rng.integers(0, len(SYLLABLES), size=(len(k), 5))
        syl = np.array(SYLLABLES)
        drawn = ["".join(syl[parts[i, :k[i]]]) for i in range(len(k))]
        words = np.unique(np.concatenate([words, np.array(drawn)]))
    return np.sort(rng.choice(words, size=n, replace=False))


def vocabulary_size(n_works: int, growing: bool) -> int:
    """The v2 corpus: a fixed 20,000 words. v4: as many as Heaps' law gives
    real titles. The Zipf draws below then see about that many distinct words:
    2,716 / 12,448 / 39,791 in 2,600 / 20,000 / 100,000 titles, where the law
    says 3,784 / 14,636 / 42,546 (and the generated titles' slope over ranks
    10-1000 is 1.03)."""
    if not growing:
        return 20000
    return max(2000, int(round(HEAPS_K * n_works ** HEAPS_BETA)))


def make(n: int, dup_rate: float = 0.3, seed: int = 1, growing: bool = True) -> pd.DataFrame:
    """n rows; `growing`: the vocabulary grows with n as real titles' do and
    word frequencies fall off as theirs (v4), else a fixed 20,000 words with a
    flatter Zipf 0.8 (v2, whose posting lists grow with n)."""
    rng = np.random.default_rng(seed)
    n_works = int(n / (1 + dup_rate))
    vocab = vocabulary(rng, vocabulary_size(n_works, growing))
    surnames = np.char.capitalize(vocabulary(np.random.default_rng(seed + 1), 30000))
    zipf = 1.0 / np.arange(1, len(vocab) + 1) ** (ZIPF_S if growing else 0.8)
    cdf = np.cumsum(zipf / zipf.sum())
    # All random draws up front, in arrays: ten million records take minutes, not hours.
    k = rng.integers(4, 12, size=n_works)
    words = vocab[np.minimum(np.searchsorted(cdf, rng.random(int(k.sum()))), len(vocab) - 1)]
    starts = np.concatenate([[0], np.cumsum(k)[:-1]])
    glue = rng.choice(GLUE, size=(n_works, 2))
    glue_at = rng.random((n_works, 2))
    named = rng.random(n_works) < 0.3
    na = rng.integers(1, 7, size=n_works)
    given = rng.choice(GIVEN, size=int(na.sum()))
    family = surnames[rng.integers(0, len(surnames), size=int(na.sum()))]
    a_starts = np.concatenate([[0], np.cumsum(na)[:-1]])
    years = rng.integers(1990, 2025, size=n_works)
    titles, authors = [], []
    for w in range(n_works):
        ws = list(words[starts[w]:starts[w] + k[w]])
        for g in range(2):  # two glue words at random places after the first
            ws.insert(1 + int(glue_at[w, g] * (len(ws) - 1)), str(glue[w, g]))
        t = " ".join(ws).capitalize()
        if named[w]:
            t = t.split(" ")[0].upper() + ": " + t
        titles.append(t)
        authors.append([f"{given[a]} {family[a]}" for a in range(a_starts[w], a_starts[w] + na[w])])
    rows = [(titles[i], authors[i], int(years[i]), i) for i in range(n_works)]
    n_dups = n - n_works
    source = rng.integers(0, n_works, size=n_dups)
    r = rng.random(n_dups)
    pos = rng.random(n_dups)
    initials = rng.random(n_dups) < 0.5
    shuffle = rng.random(n_dups) < 0.3
    shift = np.where(rng.random(n_dups) < 0.2, rng.choice([-1, 1], size=n_dups), 0)
    for d in range(n_dups):
        i = int(source[d])
        t, a, y = titles[i], list(authors[i]), int(years[i]) + int(shift[d])
        if r[d] < 0.25 and len(t) > 10:  # a typo: two letters swapped
            p = 1 + int(pos[d] * (len(t) - 3))
            t = t[:p] + t[p + 1] + t[p] + t[p + 2:]
        elif r[d] < 0.45:
            t = t.lower()
        elif r[d] < 0.6 and ": " in t:
            t = t.split(": ", 1)[1]  # the name before the colon dropped
        elif r[d] < 0.75:
            t = t.replace(" ", " - ", 1)
        if initials[d]:
            a = [x.split(" ")[0][0] + ". " + x.split(" ")[1] for x in a]
        if shuffle[d]:
            a = [a[j] for j in rng.permutation(len(a))]
        rows.append((t, a, y, i))
    order = rng.permutation(len(rows))
    df = pd.DataFrame([rows[k] for k in order], columns=["title", "authors", "year", "truth"])
    df["authors"] = df["authors"].map(", ".join)
    return df


def cached(n: int, seed: int = 1, growing: bool = True) -> pd.DataFrame:
    """make(n, seed=seed, growing=growing), generated once into bench/.cache/
    (a million rows take minutes)."""
    import os

    cache = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")
    path = os.path.join(cache, f"synthetic_{'v4' if growing else 'v2'}_{n}_{seed}.pkl")
    if os.path.exists(path):
        return pd.read_pickle(path)
    df = make(n, seed=seed, growing=growing)
    os.makedirs(cache, exist_ok=True)
    df.to_pickle(path + ".tmp")
    os.replace(path + ".tmp", path)
    return df


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    out = sys.argv[2] if len(sys.argv) > 2 else f"synthetic_{n}.csv"
    make(n).to_csv(out, index=False)
    print(f"wrote {n} records to {out}")
