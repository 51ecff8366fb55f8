"""Arrow and Parquet at the edge: to_arrow / to_parquet / read of Parquet give
back every field, and every kind of table gives dedupe and merge the same
labels as the pandas path."""

import math
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from conftest import ROOT
from hypothesis import strategies as st

import scholarmerge as sm
from scholarmerge import _core
from scholarmerge.dedupe import _frame_columns

sys.path.insert(0, str(ROOT / "bench"))
import synthetic  # noqa: E402


def author_fields(a):
    return (a.raw, a.display, a.given, a.surname, a.initials, a.suffix, a.key, a.id, list(a.affiliations),
            a.equal_contribution, a.highlighted)


def extra_items(extra):
    # NaN != NaN: compare floats by their bits' meaning
    return sorted((k, type(v).__name__, "nan" if isinstance(v, float) and math.isnan(v) else v) for k, v in extra.items())


def fields(w):
    return (w.title, [author_fields(a) for a in w.authors], w.authors_truncated, w.year, w.date, w.venue, w.abstract,
            w.category, dict(w.ids), dict(w.links), w.source, w.source_format, w.source_line, extra_items(w.extra))


text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
value = st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(allow_nan=True), text)
author = st.tuples(text, text, text, text, text, text, text, text, st.lists(text, max_size=3), st.booleans(), st.booleans())
work = st.fixed_dictionaries(dict(
    title=text, authors=st.lists(author, max_size=12), authors_truncated=st.booleans(),
    year=st.one_of(st.none(), st.integers(-2**31, 2**31 - 1)),
    date=st.one_of(st.none(), st.sampled_from(["2020", "2020-05", "2020-05-17"])), venue=text, abstract=text,
    category=text, ids=st.dictionaries(text, text, max_size=3), links=st.dictionaries(text, text, max_size=3),
    source=text, source_format=text, source_line=st.integers(0, 2**31 - 1),
    extra=st.dictionaries(text, value, max_size=4)))


def corpus_of(rows):
    core = _core.Corpus.from_columns([""] * len(rows))
    for i, row in enumerate(rows):
        w = core[i]  # a view: setting fields changes the corpus
        for name in ("title", "authors_truncated", "year", "date", "venue", "abstract", "category", "ids", "links",
                     "source", "source_format", "source_line", "extra"):
            setattr(w, name, row[name])
        people = []
        for raw, display, given_name, surname, initials, suffix, key, pid, affiliations, equal, bold in row["authors"]:
            a = sm.Author()
            a.raw, a.display, a.given, a.surname, a.initials, a.suffix, a.key, a.id = (
                raw, display, given_name, surname, initials, suffix, key, pid)
            a.affiliations, a.equal_contribution, a.highlighted = affiliations, equal, bold
            people.append(a)
        w.authors = people
    return sm.Corpus(core)


@settings(max_examples=60, deadline=None)
@given(st.lists(work, max_size=8))
def test_to_arrow_to_parquet_and_read_give_back_every_field(tmp_path_factory, rows):
    corpus = corpus_of(rows)
    expected = [fields(w) for w in corpus]
    works, authors = corpus.to_arrow()
    assert works.num_rows == len(rows) and authors.num_rows == sum(len(r["authors"]) for r in rows)
    assert [fields(w) for w in sm.Corpus.from_arrow(works, authors)] == expected
    path = tmp_path_factory.mktemp("pq") / "corpus.parquet"
    corpus.to_parquet(path)
    assert [fields(w) for w in sm.read(path)] == expected


def test_tables_hold_the_fields_as_arrow_types(seeds_dir):
    corpus = sm.read(seeds_dir, year=2026)
    works, authors = corpus.to_arrow()
    assert works["title"].to_pylist() == [w.title for w in corpus]
    assert works["year"].to_pylist() == [w.year for w in corpus]
    assert works["ids"].to_pylist()[0] == sorted(corpus[0].ids.items())
    assert authors["work"].to_pylist() == [i for i, w in enumerate(corpus) for _ in w.authors]
    assert authors["display"].to_pylist() == [a.display for w in corpus for a in w.authors]
    df = corpus.to_pandas()
    assert [list(x) for x in df["authors"]] == [[a.display for a in w.authors] for w in corpus]
    assert df["extra"].tolist() == [w.extra for w in corpus] and df["ids"].tolist() == [w.ids for w in corpus]
    assert df["date"].tolist() == [w.date for w in corpus]


def test_read_parquet_among_other_files_keeps_the_order(tmp_path, seed):
    first = sm.read(seed(0))
    first.to_parquet(tmp_path / "a.parquet")
    both = sm.read([tmp_path / "a.parquet", seed(1)])
    assert [fields(w) for w in both] == [fields(w) for w in first] + [fields(w) for w in sm.read(seed(1))]


def test_a_parquet_file_of_another_schema_is_an_error_naming_it(tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "other.parquet"
    pq.write_table(pa.table({"name": ["x"], "title": [1]}), path)
    with pytest.raises(sm.ReadError) as info:
        sm.read(path)
    assert str(path) in str(info.value) and "unknown column 'name'" in str(info.value)
    assert "column 'title' is int64" in str(info.value) and info.value.source == str(path)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    with pytest.raises(sm.ReadError, match="broken.parquet"):
        sm.read(broken)


def test_to_polars_when_installed():
    pl = pytest.importorskip("polars")
    corpus = sm.read_text("@article{a, title = {Deep learning}, author = {LeCun, Yann and Bengio, Yoshua}, year = 2015}")
    frame = corpus.to_polars()
    assert isinstance(frame, pl.DataFrame) and frame["title"].to_list() == ["Deep learning"]
    assert [a["surname"] for a in frame["authors"].to_list()[0]] == ["LeCun", "Bengio"]


# ---- table inputs: the same labels as the pandas path

def frame():
    df = synthetic.make(600, seed=3).drop(columns=["truth"])
    rng = np.random.default_rng(3)
    df["doi"] = np.where(rng.random(len(df)) < 0.2, [f"10.1/x.{k}" for k in rng.integers(0, 30, len(df))], None)
    df["venue"] = rng.choice(["Proc. VLDB", "arXiv", "J. ACM", None], size=len(df))
    df["year"] = df["year"].astype("float64")
    df.loc[rng.random(len(df)) < 0.1, "year"] = np.nan
    df.loc[rng.random(len(df)) < 0.05, "authors"] = None
    return df


def reference_labels(df):
    """The pandas path as it was: object columns as lists of str."""
    return _core.dedupe_columns(**_frame_columns(df))[0]


def kinds(df):
    yield "numpy", df
    yield "nullable", df.convert_dtypes()
    yield "pyarrow dtypes", df.convert_dtypes(dtype_backend="pyarrow")
    yield "pyarrow table", pa.Table.from_pandas(df, preserve_index=False)
    yield "record batch", pa.RecordBatch.from_pandas(df, preserve_index=False)
    yield "year as text", df.assign(year=df["year"].map(lambda y: None if y != y else f"{int(y)}.0"))
    yield "authors as lists", df.assign(authors=df["authors"].map(lambda s: s.split("; ") if isinstance(s, str) else None))
    try:
        import polars as pl
    except ImportError:
        return
    yield "polars", pl.from_pandas(df)


def test_every_kind_of_table_gives_the_pandas_labels():
    df = frame()
    expected = reference_labels(df)
    assert len(set(expected.tolist())) < len(df)  # duplicates found, so the check can fail
    for kind, data in kinds(df):
        assert sm.dedupe(data).tolist() == expected.tolist(), kind


def test_merge_takes_every_kind_of_table():
    df = frame().head(200)
    expected = sm.merge(df).works[["title", "n_sources"]]
    for kind, data in kinds(df):
        pd.testing.assert_frame_equal(sm.merge(data).works[["title", "n_sources"]], expected, obj=kind)


def test_nullable_years_and_missing_text():
    df = pd.DataFrame({"title": pd.array(["Deep learning", "Deep learning", None], dtype="string"),
                       "year": pd.array([2015, pd.NA, 2001], dtype="Int64"),
                       "venue": pd.array([None, "NIPS", "NIPS"], dtype="string[pyarrow]")})
    corpus = sm.Corpus.from_frame(df)
    assert [w.year for w in corpus] == [2015, None, 2001]
    assert [w.title for w in corpus] == ["Deep learning", "Deep learning", ""]
    assert [w.venue for w in corpus] == ["", "NIPS", "NIPS"]
    with pytest.raises(ValueError, match="'title' column"):
        sm.dedupe(pa.table({"name": ["x"]}))
