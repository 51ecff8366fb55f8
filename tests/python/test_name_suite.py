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
    rows = ns.load()
    assert len(rows) >= 90
    ok, misses = ns.agreement(rows, ns.ours([r[0] for r in rows]))
    assert ok / len(rows) >= 0.95, misses


def test_suffix_between_commas_is_a_suffix_not_a_given_name():
    ns = _suite()
    got = ns.ours(["Ford, Jr., Henry", "King, Martin Luther, Jr.", "Smith, Jane, Ph.D."])
    assert [g[2] for g in got] == ["Jr.", "Jr.", "Ph.D."]
    assert [g[0] for g in got] == ["Henry", "Martin Luther", "Jane"]
