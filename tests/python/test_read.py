import json
import os
import subprocess
import sys

import pytest

import scholarmerge as sm


def test_bzpeer_seed_fields(seed):
    corpus = sm.read(seed(0))
    assert len(corpus) == 13
    w = corpus[0]
    assert w.title == "Arctic-Text2SQL-R1: Simple Rewards, Strong Reasoning in Text-to-SQL"
    assert w.year == 2026 and w.date == "2026" and w.venue == "arXiv"
    assert w.source_line == 55 and w.source_format == "bzpeer"
    assert w.extra["kind"] == "preprint"
    assert corpus[-1].title.startswith("HAWQ: Hessian AWare Quantization")
    assert [x.title for x in corpus][1] == "R³-SQL: Ranking Reward and Resampling for Text-to-SQL"
    (profile,) = corpus.profiles
    assert profile.name == "Zhewei Yao"
    assert profile.metrics["works"] == 13 and profile.metrics["topics"] == 9
    assert profile.metrics["claimed"] is False


def test_to_pandas_has_contract_columns(seed):
    df = sm.read(seed(1)).to_pandas()
    assert len(df) == 15
    for col in ("title", "authors", "year", "date", "venue", "source", "source_line", "ids", "extra"):
        assert col in df.columns
    assert df["year"].iloc[0] == 2026


def test_read_text_and_unknown_format():
    with pytest.raises(sm.UnknownFormatError) as info:
        sm.read_text("nothing to see\n", source="notes.txt")
    assert info.value.source == "notes.txt"
    with pytest.raises(sm.ReadError):
        sm.read("/no/such/file.txt")


def test_damaged_entry_is_a_diagnostic_and_the_rest_is_read():
    text = ("Researcher profile\n\nA Person\n\nTrust snapshot\n\n"
            "preprint2020arXiv\n\nFirst\n\nAbstract.\n\npreprint2021arXiv\n")
    corpus = sm.read_text(text, source="mem.txt")
    assert [w.title for w in corpus] == ["First", ""]
    (d,) = corpus.diagnostics
    assert d.source == "mem.txt" and d.line == 13 and d.severity == "warning"


def test_cli_parse_first_seed_jsonl(seed):
    out = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "parse", str(seed(0)), "--to", "jsonl"],
                         capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 13
    assert records[0]["title"].startswith("Arctic-Text2SQL-R1")
    assert records[0]["year"] == 2026 and records[0]["source_line"] == 55


def test_cli_unreadable_input_exits_1(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_text("hello\n")
    proc = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "parse", str(bad)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert str(bad) in proc.stderr


def test_cli_api_error_body_exits_1_after_writing_the_rest(tmp_path):
    body = tmp_path / "page2.json"
    body.write_text('{"code": 400, "message": "Requested data for this limit and/or offset is not available"}\n')
    proc = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "parse", str(body), "seeds", "--to", "jsonl"],
                          capture_output=True, text=True, cwd=os.path.join(os.path.dirname(__file__), "..", ".."))
    assert proc.returncode == 1
    assert f"{body}:1" in proc.stderr and "API error response" in proc.stderr
    assert len(proc.stdout.splitlines()) == len(sm.read(os.path.join(os.path.dirname(__file__), "..", "..", "seeds")))
    ok = subprocess.run([sys.executable, "-m", "scholarmerge.cli", "parse", "seeds", "--to", "jsonl"],
                        capture_output=True, text=True, cwd=os.path.join(os.path.dirname(__file__), "..", ".."))
    assert ok.returncode == 0  # info diagnostics alone do not fail the command


def test_errors_raise_turns_an_input_with_nothing_readable_into_a_parse_error(tmp_path):
    body = '{"status": 400, "message": "Requested data for this offset is not available"}'
    # By default it is reported: a diagnostic, and the input listed as unreadable.
    c = sm.read_text(body, format="openalex", source="page2.json")
    assert len(c) == 0 and c.unreadable == ["page2.json"]
    with pytest.raises(sm.ParseError) as e:
        sm.read_text(body, format="openalex", source="page2.json", errors="raise")
    assert e.value.source == "page2.json" and e.value.line == 1 and "offset" in str(e.value)
    assert isinstance(e.value, sm.ScholarmergeError)
    # A file of which something was read is not unreadable: its losses stay diagnostics.
    partly = tmp_path / "partly.json"
    partly.write_text('{"results": [{"title": "A", "publication_year": 2001}, {"title": "B"')
    c = sm.read(partly, errors="raise")
    assert [w.title for w in c] == ["A"] and c.unreadable == [] and c.diagnostics
    # read and read_batches alike, for files.
    bad = tmp_path / "bad.jsonl"
    bad.write_text(body + "\n")
    with pytest.raises(sm.ParseError, match="bad.jsonl:1"):
        sm.read([partly, bad], errors="raise")
    with pytest.raises(sm.ParseError):
        list(sm.read_batches(bad, format="openalex", errors="raise"))
    assert [len(b) for b in sm.read_batches(bad, format="openalex")] == [0]
    with pytest.raises(sm.OptionError):
        sm.read(partly, errors="ignore")
