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


def test_arrow_batch_matches_list_batch(names):
    import pyarrow as pa

    table = sm.parse_names_arrow(pa.array(names))
    cols = sm.parse_names(names)
    assert table.num_rows == len(names)
    for f in FIELDS:
        assert table.column(f).to_pylist() == getattr(cols, f), f


def test_arrow_batch_nulls_chunks_and_slices():
    import pyarrow as pa

    texts = ["Zhewei Yao", None, "**Z. Yao<sup>*</sup>**", "Zhewei Yao", "Smith, Jr., John"]
    table = sm.parse_names_arrow(texts)
    assert table.column("key").to_pylist() == ["yao z", None, "yao z", "yao z", "smith j"]
    assert table.column("highlighted").to_pylist() == [False, None, True, False, False]
    assert table.column("suffix").to_pylist()[4] == sm.parse_name("Smith, Jr., John").suffix
    chunked = pa.chunked_array([pa.array(texts[:2]), pa.array(texts[2:])])
    assert sm.parse_names_arrow(chunked).equals(table)
    sliced = pa.array(texts).slice(2, 2)  # offsets that do not start at 0
    assert sm.parse_names_arrow(sliced).column("display").to_pylist() == ["Z. Yao", "Zhewei Yao"]
    assert sm.parse_names_arrow(pa.array([], pa.string())).num_rows == 0


def test_arrow_batch_rejects_invalid_utf8():
    import numpy as np

    bad = (np.array([0, 2, 5], np.int64), np.frombuffer(b"ab\xff\xfex", np.uint8), None)
    with pytest.raises(ValueError, match="UTF-8"):
        _core.parse_names_buffers(bad)
    cut = (np.array([0, 1, 2], np.int64), np.frombuffer("é".encode(), np.uint8), None)  # a character split between names
    with pytest.raises(ValueError, match="UTF-8"):
        _core.parse_names_buffers(cut)
