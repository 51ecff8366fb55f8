"""Hostile input: every reader gets garbage, and must answer with a clear
error or diagnostics, never a crash, a hang or a silent drop."""

import random
import re

import pytest

import scholarmerge as sm

FORMATS = sm.formats()


def read_or_error(text, fmt, source="hostile.txt"):
    """A Corpus, or None when the reader refused with a ScholarmergeError."""
    try:
        corpus = sm.read_text(text, format=fmt, source=source)
    except sm.ScholarmergeError as e:
        assert e.source == source
        return None
    for w in corpus:
        assert w.source == source and w.source_line >= 1
    return corpus


def test_empty_input():
    with pytest.raises(sm.UnknownFormatError, match="empty"):
        sm.read_text("", source="empty.txt")
    with pytest.raises(sm.UnknownFormatError, match="empty"):
        sm.read_text(" \n\r\n\t", source="blank.txt")
    for fmt in FORMATS:
        corpus = sm.read_text("", format=fmt, source="empty.txt")
        assert len(corpus) == 0
        assert any("empty" in d.message for d in corpus.diagnostics)


def test_empty_file_on_disk(tmp_path):
    p = tmp_path / "empty.bib"
    p.write_bytes(b"")
    with pytest.raises(sm.UnknownFormatError) as info:
        sm.read(p)
    assert str(p) in str(info.value)


@pytest.mark.parametrize("fmt", ["auto", *FORMATS])
def test_binary_garbage_never_crashes(fmt):
    rng = random.Random(7)
    for _ in range(20):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000)))
        read_or_error(blob.decode("latin-1"), fmt)


def test_nul_bytes_inside_a_real_page(seed):
    text = seed(0).read_text()
    damaged = text.replace("\n\npreprint2022arXiv", "\x00\n\npreprint2022arXiv", 1).replace("Zero", "Ze\x00ro", 1)
    corpus = sm.read_text(damaged, source="nul.txt")
    assert len(corpus) == 13
    assert any("\x00" in w.title for w in corpus) or any("\x00" in w.abstract for w in corpus)


def test_invalid_utf8_file(tmp_path, seed):
    raw = seed(0).read_bytes().replace(b"Simple Rewards", b"Simple \xff\xfe Rewards", 1)
    p = tmp_path / "bad.txt"
    p.write_bytes(raw)
    corpus = sm.read(p)
    assert len(corpus) == 13
    assert corpus[0].title == "Arctic-Text2SQL-R1: Simple \ufffd\ufffd Rewards, Strong Reasoning in Text-to-SQL"
    (d,) = [d for d in corpus.diagnostics if "UTF-8" in d.message]
    assert d.line == 57 and d.source == str(p)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_converted(tmp_path, seed, encoding):
    text = seed(0).read_text()
    p = tmp_path / "utf16.txt"
    p.write_bytes((b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff") + text.encode(encoding))
    corpus = sm.read(p)
    expected = sm.read(seed(0))
    assert [w.title for w in corpus] == [w.title for w in expected]
    assert [w.source_line for w in corpus] == [w.source_line for w in expected]
    assert any("UTF-16" in d.message for d in corpus.diagnostics)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_give_the_same_entries_and_lines(seed, newline):
    for i in range(5):
        path = seed(i)
        text = path.read_text()
        try:
            expected = sm.read(path, year=2026)
        except sm.UnknownFormatError:
            continue  # a format whose reader has not landed yet
        converted = sm.read_text(text.replace("\n", newline), source=str(path), year=2026)
        assert [(w.title, w.source_line) for w in converted] == [(w.title, w.source_line) for w in expected]


def test_a_100_mb_single_line_is_refused_or_read_quickly():
    line = "x" * (100 * 1024 * 1024)
    assert read_or_error(line, "auto") is None
    for fmt in FORMATS:
        read_or_error(line, fmt)


def test_huge_title_and_abstract_are_kept_whole():
    title = "T" * 2_000_000
    text = f"Researcher profile\n\nA Person\n\nTrust snapshot\n\npreprint2020arXiv\n\n{title}\n\n{'a' * 5_000_000}\n"
    corpus = sm.read_text(text)
    assert len(corpus) == 1
    assert len(corpus[0].title) == 2_000_000 and len(corpus[0].abstract) == 5_000_000


def test_truncated_pages_lose_nothing_before_the_cut(seed):
    text = seed(0).read_text()
    head = re.compile(r"^[a-z]+\d{4}\S*$", re.M)
    rng = random.Random(3)
    for cut in sorted(rng.sample(range(200, len(text)), 40)):
        part = text[:cut]
        corpus = read_or_error(part, "bzpeer")
        assert corpus is not None
        entries = len(head.findall(part)) if part.endswith("\n") else len(head.findall(part[: part.rfind("\n") + 1])) + (
            1 if head.fullmatch(part[part.rfind("\n") + 1:]) else 0)
        # Each entry started before the cut is a work, or a diagnostic says why not.
        assert len(corpus) + len(corpus.diagnostics) >= entries
        assert len(corpus) <= entries


def test_mixed_formats_in_one_file(seed):
    mixed = seed(0).read_text() + "\n" + seed(2).read_text()
    corpus = sm.read_text(mixed, source="mixed.txt", year=2026)
    # Read as the format of its start; everything foreign is reported, not dropped silently.
    assert len(corpus) >= 13
    assert corpus.diagnostics, "foreign text must produce diagnostics"


def test_a_million_authors_on_one_record():
    def word(i):  # a distinct alphabetic name per number
        letters = ""
        while True:
            letters += "abcdefghijklmnopqrstuvwxyz"[i % 26]
            i //= 26
            if not i:
                return letters.capitalize() + "son"

    names = ", ".join(f"Ann {word(i)}" for i in range(1_000_000))
    text = ("A Person\n\nCL\nh-index1\n1papers\n1citations\n\n"
            f"1.0CLJun 4, 2022\nA Title With Many Authors\n\n{names} et al.\n\nAbstract.\n")
    corpus = sm.read_text(text, source="many.txt")
    assert len(corpus) == 1
    assert len(corpus[0].authors) == 1_000_000 and corpus[0].authors_truncated
    assert sm.dedupe(corpus).tolist() == [0]
    assert len(sm.merge(corpus).people) == 1_000_000
