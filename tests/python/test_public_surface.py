"""Promises of the public surface: indexing a corpus gives the work itself, the version is defined once."""

from importlib import metadata

import scholarmerge as sm


def test_indexing_a_corpus_gives_the_work_itself():
    c = sm.read_text("@article{a, title = {First}, year = {2001}}\n@article{b, title = {Second}}\n", format="bibtex")
    c[0].title = "Changed"
    c[-1].year = 1999
    assert c[0].title == "Changed" and c[1].year == 1999
    assert [w.title for w in c] == ["Changed", "Second"]
    first = c[0]
    del c
    assert first.title == "Changed"  # a view keeps its corpus alive


def test_the_version_is_the_package_metadata():
    assert sm.__version__ == metadata.version("scholarmerge")
