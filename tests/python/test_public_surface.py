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


def test_unknown_options_are_an_error_naming_the_nearest_one(seeds_dir, tmp_path):
    import pytest

    with pytest.raises(sm.OptionError, match="unknown option 'yaer'; did you mean 'year'"):
        sm.read(seeds_dir, yaer=2020)
    with pytest.raises(sm.OptionError, match="'sepp' for format 'csv'; did you mean 'sep'"):
        sm.read_text("title\nA\n", format="csv", sepp=",")
    with pytest.raises(sm.OptionError, match="'sep' for format 'bibtex'"):  # an option of another format
        sm.read_text("@article{a, title={A}}", format="bibtex", sep=",")
    f = tmp_path / "x.csv"
    f.write_text("title;year\nA;2001\n")
    with pytest.raises(sm.OptionError, match="nonsense"):
        list(sm.read_batches(f, nonsense=1))
    assert sm.read_text("name;year\nA;2001\n", format="csv", sep=";", title="name")[0].year == 2001
