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


def test_dedupe_and_merge_reject_unknown_options_naming_the_nearest_one(seeds_dir):
    import pytest

    titles = ["Deep learning", "Deep learning.", "Graph cuts"]
    with pytest.raises(sm.OptionError, match="dedupe: unknown option 'treshold'; did you mean 'threshold'"):
        sm.dedupe(titles, treshold=0.9)
    with pytest.raises(sm.OptionError, match="unknown option 'bogus'$"):  # nothing near: no suggestion
        sm.dedupe(titles, bogus=1)
    corpus = sm.read(seeds_dir)
    with pytest.raises(sm.OptionError, match="merge: unknown option 'thread'; did you mean 'threads'"):
        sm.merge(corpus, thread=2)
    with pytest.raises(sm.OptionError, match="did you mean 'min_jaccard'"):
        sm.merge(corpus, min_jacard=0.3)
    assert len(sm.dedupe(titles, threshold=0.9)) == 3  # the known ones still work


def test_the_installed_package_is_typed():
    from importlib import resources

    root = resources.files("scholarmerge")
    assert (root / "py.typed").is_file()
    stub = (root / "_core" / "__init__.pyi").read_text()
    assert "def dedupe_corpus(" in stub and "class MatchModel" in stub
