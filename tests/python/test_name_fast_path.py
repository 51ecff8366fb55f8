"""parse_name's shortcut for common shapes against parse_name_reference (every
step, no shortcut), on every DBLP-ACM and Cora author and a generated set of
shapes around them; and the batch form against the one-name form."""

from __future__ import annotations

import importlib.util
import os

import pytest

import scholarmerge as sm
from scholarmerge import _core

FIELDS = ("raw", "display", "given", "surname", "initials", "suffix", "key", "equal_contribution", "highlighted")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _dump_tool():
    spec = importlib.util.spec_from_file_location("dump_outputs", os.path.join(ROOT, "tools", "dump_outputs.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def names() -> list[str]:
    tool = _dump_tool()
    try:
        bench = tool.benchmark_names()
    except (FileNotFoundError, OSError):
        pytest.skip("benchmarks not found")
    return bench + tool.generated_names(bench)


def _fields(a) -> tuple:
    return tuple(getattr(a, f) for f in FIELDS)


def test_shortcut_matches_reference(names):
    taken = 0
    bad = []
    for n in names:
        taken += _core._bench_parse_names([n])[1]
        if _fields(sm.parse_name(n)) != _fields(_core._parse_name_reference(n)):
            bad.append(n)
    assert not bad, bad[:20]
    assert taken > len(names) // 2  # the shortcut is exercised, not bypassed


def test_batch_matches_one_by_one(names):
    cols = sm.parse_names(names)
    for i, n in enumerate(names):
        assert tuple(getattr(cols, f)[i] for f in FIELDS) == _fields(_core._parse_name_reference(n)), n


@pytest.mark.parametrize("text", [
    "Zhewei Yao", "Z. Yao", "J. A. Smith", "J.-P. Martin", "J.A. Smith", "Yao, Zhewei", "Yao, Z.", "Smith, J. A.",
    "zhewei yao", "ZHEWEI YAO", "yao, z.", "Seung-won Hwang", "O'Brien, Mary", "M. Tamer ?zsu", "Łukasz Kaiser",
    "Jan van Dyk", "John Smith Jr.", "Smith, Jr., John", "Dr. John Smith", "Yao ZW", "rivest r.l.", "y.mansour",
    "Robert 'Corky' Cartwright", "Smith, Dr. John", "Smith Jr., John", "Jane Doe MD", "Gerard 't Hooft",
    "**Z. Yao**", "Z. Yao<sup>*</sup>", "Z.  Yao", "Yao,Z.", "Yao , Z.", "Z. Yao1", "A B", "ab cd", "JOHN SMITH",
])
def test_shapes(text):
    assert _fields(sm.parse_name(text)) == _fields(_core._parse_name_reference(text))
    assert tuple(getattr(sm.parse_names([text, text]), f)[1] for f in FIELDS) == _fields(sm.parse_name(text))


def test_batch_rejects_non_str_and_bad_text():
    with pytest.raises(TypeError):
        _core.parse_names_columns(["Ada Lovelace", 3])
    with pytest.raises(UnicodeEncodeError):
        _core.parse_names_columns(["\ud800 x"])
