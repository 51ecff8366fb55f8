"""The refs tagger: the C++ feature extraction matches the training script's
(tools/refs_crf_features.py) token for token, and the shipped model decodes."""

import sys
import xml.etree.ElementTree as ET

import pytest

import scholarmerge as sm
from conftest import BENCHMARKS, ROOT

sys.path.insert(0, str(ROOT / "tools"))
import refs_crf_features as pyf  # noqa: E402

SAMPLES = [
    "Smith, J. A., & van der Berg, K. (2019). Deep learning for citation parsing. Journal of Machine "
    "Learning Research, 20(3), 112-130. https://doi.org/10.5555/jmlr.2019.123",
    'J. A. Smith, K. van der Berg, and L. Chen, \u201cDeep learning,\u201d IEEE Trans. Pattern Anal., vol. 41, '
    "no. 2, pp. 100\u2013115, 2019.",
    "M\u00fcller, H.-P. \u2014 \u00abZur Geschichte\u00bb, Bd. 3, S. 12\u201319 (1987a) 12th ed. \u2018x\u2019 "
    "\u65e5\u672c\u8a9e\u306e\u30bf\u30a4\u30c8\u30eb\u3067\u3059\u3088\u306d\u30fc 3rd",
    "  [12]\tA.B. Cdef,\n(Eds.) In: Proc. ACM SIGIR '98 \"quoted\" 1-2 J.-P. X.Y.Z. 2nd 1599 2100 20a ",
    "",
    "(((((",
]


def core_sample(n=200):
    path = BENCHMARKS / "anystyle" / "core.xml"
    if not path.is_file():
        return []
    out = []
    for seq in list(ET.parse(path).getroot().iter("sequence"))[:n]:
        out.append(" ".join(" ".join((el.text or "").split()) for el in seq))
    return out


@pytest.mark.parametrize("text", SAMPLES + core_sample())
def test_cpp_features_match_training_script(text):
    toks, feats = pyf.features(text)
    assert sm._core._refs_crf_features(text) == feats
    assert len(feats) == len(toks)


def test_feature_sets_differ_between_tokens():
    # not a trivial pass: different tokens give different features
    f = sm._core._refs_crf_features("Smith, J. (2019). Title. Journal, 3, 1-2.")
    assert f[0] != f[1] and "year" in f[2] and "range" in f[-1] and "init" in f[1]


def test_tag_reference_fields():
    fields = sm._core.tag_reference("Smith, J. A., & van der Berg, K. (2019). Deep learning for citation parsing. "
                                    "Journal of Machine Learning Research, 20(3), 112-130.")
    labels = [l for l, _ in fields]
    assert labels[:3] == ["author", "date", "title"]
    assert dict(fields)["title"] == "Deep learning for citation parsing."


def test_model_bytes_are_checked():
    with pytest.raises(RuntimeError):
        sm._core._parse_references_with_model(["x"], b"not a model", "<m>")


def test_decoder_agrees_with_crfsuite():
    # The C++ side (feature keys, the slot table, Viterbi) labels every token
    # as crfsuite's own tagger does with the same model: a small model trained
    # here on 80 references of core.xml, decoding 60 others.
    pycrfsuite = pytest.importorskip("pycrfsuite")
    refs = core_sample(140)
    if not refs:
        pytest.skip("../shared/benchmarks not present")
    import tempfile
    from pathlib import Path

    import train_refs_crf as tr

    data = tr.load(BENCHMARKS / "anystyle" / "core.xml")[:80]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "m.crfsuite"
        saved = dict(tr.PARAMS)
        tr.PARAMS["max_iterations"] = 40
        try:
            tr.train(data, path)
        finally:
            tr.PARAMS.update(saved)
        blob = tr.export(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        texts = refs[80:]
        ours = sm._core._tag_tokens_with_model(texts, blob)
        theirs = [tagger.tag(pyf.features(t)[1]) for t in texts]
    assert any("B-title" in labels for labels in ours)  # the opened labels are decoded too
    assert any("E-title" in labels for labels in ours)  # and the closing ones
    assert ours == theirs


def test_closing_label_does_not_split_a_field():
    # "E-title" (a field's last token) goes on with the field it closes: the
    # title is one field, whole, and the journal after it opens the next
    fields = sm._core.tag_reference(
        "Smith, J. A. (2019). Deep learning for the parsing of citations in long reference lists. "
        "Journal of Machine Learning Research, 20(3), 112-130.")
    titles = [t for lab, t in fields if lab == "title"]
    assert titles == ["Deep learning for the parsing of citations in long reference lists."]
    assert [t for lab, t in fields if lab == "container"] == ["Journal of Machine Learning Research,"]
