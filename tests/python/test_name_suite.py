"""The names suite of conventions other parsers test (bench/data/name_suite.tsv):
issue 21's floor is 95 % agreement."""

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "name_suite.py"


def _suite():
    spec = importlib.util.spec_from_file_location("name_suite", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_name_suite_agreement_at_least_95_percent():
    ns = _suite()
    ok, n, misses = ns.measure()
    assert n >= 150
    assert ok / n >= 0.95, misses


def test_each_context_and_file_at_least_95_percent():
    ns = _suite()
    for path in ns.SUITES:
        full = ns.load_with_context(path)
        rows = [(inp, want) for inp, want, _ in full]
        ok, misses = ns.agreement(rows, ns.ours([r[0] for r in rows], [c for _, _, c in full]))
        assert ok / len(rows) >= 0.95, (path.name, misses)
    bib = ns.load(context="bibtex")
    assert len(bib) >= 20
    ok, misses = ns.agreement(bib, ns.ours([r[0] for r in bib], ["bibtex"] * len(bib)))
    assert ok == len(bib), misses


def test_suffix_between_commas_is_a_suffix_not_a_given_name():
    ns = _suite()
    got = ns.ours(["Ford, Jr., Henry", "King, Martin Luther, Jr.", "Smith, Jane, Ph.D."])
    assert [g[2] for g in got] == ["Jr.", "Jr.", "Ph.D."]
    assert [g[0] for g in got] == ["Henry", "Martin Luther", "Jane"]
