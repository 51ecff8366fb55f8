"""The csv reader: options name the columns; the public benchmarks read as they are."""

import pytest

import scholarmerge as sm

from conftest import BENCHMARKS

needs_benchmarks = pytest.mark.skipif(not BENCHMARKS.is_dir(), reason="../shared/benchmarks not present")


@needs_benchmarks
def test_dblp_acm_reads_as_distributed():
    dblp = sm.read(BENCHMARKS / "dblp-acm" / "dblp.csv")  # '%' separated, CRLF, HTML entities
    assert len(dblp) == 2616 and not dblp.diagnostics
    w = dblp[1]
    assert w.source_format == "csv" and w.source_line == 3
    assert w.title == "Estimation of Query-Result Distribution and its Application in Parallel-Join Load Balancing"
    assert [a.display for a in w.authors] == ["Viswanath Poosala", "Yannis E. Ioannidis"]
    assert (w.year, w.venue, w.ids["id"]) == (1996, "VLDB", "1")
    acm = sm.read(BENCHMARKS / "dblp-acm" / "acm.csv", format="csv", sep="%")
    assert len(acm) == 2294
    assert any("Barbará" in a.display for w in acm for a in w.authors)  # &#225; decoded


@needs_benchmarks
def test_cora_reads_with_options_only():
    cora = sm.read(BENCHMARKS / "cora" / "cora.csv", format="csv", sep="|", id="Entity Id", authors="author")
    assert len(cora) == 1295
    w = cora[0]
    assert [a.surname for a in w.authors] == ["Auer", "Cesa-Bianchi", "Freund", "Schapire"]
    assert w.year == 1995 and w.ids["id"] == "0" and w.extra["pages"] == "pp. 322-331."


def test_quotes_line_breaks_and_damage():
    text = ('title,authors,year,note\n'
            '"A title, with a comma","Smith, A. and Jones, B.",2001,x\n'
            '"Spans\ntwo lines",C. Doe,2002\n'
            'Too,many,fields,here,now\n'
            '"Say ""hi""",,1999,\n')
    c = sm.read_text(text, source="t.csv")
    assert [w.title for w in c] == ["A title, with a comma", "Spans two lines", "Too", 'Say "hi"']
    assert [w.source_line for w in c] == [2, 3, 5, 6]
    assert [a.surname for a in c[0].authors] == ["Smith", "Jones"]
    assert c[0].extra == {"note": "x"} and c[2].extra == {"note": "here", "unnamed": "now"}
    (d,) = c.diagnostics
    assert d.line == 5 and "fields" in d.message


def test_missing_title_column_is_a_clear_error():
    with pytest.raises(sm.OptionError, match="title"):
        sm.read_text("name,year\nx,2000\n", format="csv", source="bad.csv")
    c = sm.read_text("name,year\nx,2000\n", format="csv", title="name")
    assert c[0].title == "x" and c[0].year == 2000
