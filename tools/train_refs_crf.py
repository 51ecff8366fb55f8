"""Trains the refs tagger: a linear-chain CRF over the tokens of a reference
(features in tools/refs_crf_features.py), on AnyStyle's tagged references
(../shared/benchmarks/anystyle/core.xml, BSD-2-Clause, see its LICENSE).

    # the shipped model: train on all of core.xml, write cpp/src/read/refs_crf_model.cpp
    .venv/bin/python tools/train_refs_crf.py

    # k-fold cross-validation: train on k-1 folds, decode the held-out fold with
    # the C++ decoder (the installed scholarmerge), score as bench/refs_quality.py
    .venv/bin/python tools/train_refs_crf.py --cv 5

Needs python-crfsuite (the `train` extra). Training is deterministic (L-BFGS
from zero weights), so the same data and options give the same model file.
"""

from __future__ import annotations

import argparse
import struct
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from refs_crf_features import features, split_tokens  # noqa: E402

DEFAULT_XML = ROOT.parent / "shared" / "benchmarks" / "anystyle" / "core.xml"
MODEL_CPP = ROOT / "cpp" / "src" / "read" / "refs_crf_model.cpp"
MAGIC = b"SMCRF2\0\0"  # 2: keys are feature_key, not FNV-1a

# AnyStyle's tags, folded to the fields a Work holds; rare roles go to "other".
LABELS = {
    "author": "author", "title": "title", "journal": "container", "container-title": "container",
    "date": "date", "volume": "volume", "pages": "pages", "publisher": "publisher", "location": "location",
    "editor": "editor", "citation-number": "number", "note": "note", "genre": "genre", "url": "url",
    "doi": "doi", "edition": "edition", "collection-title": "collection", "isbn": "other", "source": "other",
    "translator": "other", "director": "other", "medium": "other", "producer": "other",
}
# The fields whose first token has a label of its own ("B-title"), and the
# last token of a longer run too ("E-title", see opened()): the
# transitions then say where a field opens and closes, which the boundaries
# between title, container, names and imprint need (the decoder merges B-x
# and E-x into x).
# Every field: under 5-fold CV on core.xml, opening all fields scored
# title / container 90.7 / 86.1 %, ten of them 90.3 / 86.1, five (title,
# container, author, editor, publisher) 90.5 / 84.7, none 89.8 / 82.2
# (all with the L1 / L2 below).
OPENED = set(LABELS.values())
# L1 / L2 chosen by the same cross-validation: c1 0.02 / c2 0.05 ahead of
# 0.05 / 0.01 (the earlier choice) by about a point on title and container;
# 0.01 / 0.1 within a point of it either way; 600 iterations did not help.
PARAMS = {"c1": 0.02, "c2": 0.05, "max_iterations": 250, "feature.possible_transitions": True}


def opened(labels: list[str]) -> list[str]:
    """`labels` with the first token of each run of an OPENED field as
    B-field and the last of a longer run as E-field (where a field closes,
    the title's end before a container above all: under 5-fold CV, tagger
    alone, title / container 90.5 / 85.7 % with B- only, 91.2 / 86.1 with
    E- too)."""
    out = []
    for j, lab in enumerate(labels):
        if lab not in OPENED:
            out.append(lab)
        elif j == 0 or labels[j - 1] != lab:
            out.append("B-" + lab)
        elif j + 1 == len(labels) or labels[j + 1] != lab:
            out.append("E-" + lab)
        else:
            out.append(lab)
    return out


def load(path: Path) -> list[tuple[str, list[str]]]:
    """(text, one label per token) for each tagged reference."""
    out = []
    for seq in ET.parse(path).getroot().iter("sequence"):
        words, labels = [], []
        for el in seq:
            toks = split_tokens(el.text or "")
            words += toks
            labels += [LABELS.get(el.tag, "other")] * len(toks)
        if words:
            out.append((" ".join(words), labels))
    return out


def train(data: list[tuple[str, list[str]]], model_path: Path, verbose: bool = False) -> None:
    import pycrfsuite

    tr = pycrfsuite.Trainer(verbose=verbose)
    for text, labels in data:
        toks, feats = features(text)
        assert len(toks) == len(labels), text
        tr.append(feats, opened(labels))
    tr.set_params(PARAMS)
    tr.train(str(model_path))


def feature_key(s: str) -> int:
    """The decoder's key of a feature string (feature_key in
    cpp/src/read/details/refs_crf_features.hpp): FNV-1a's offset and prime
    over 8-byte little-endian words, the length mixed in, high bits folded."""
    m = 0xFFFFFFFFFFFFFFFF
    b = s.encode("utf-8")
    h = 0xCBF29CE484222325
    for i in range(0, len(b), 8):
        h = ((h ^ int.from_bytes(b[i:i + 8], "little")) * 0x100000001B3) & m
        h ^= h >> 29
    h = ((h ^ len(b)) * 0x100000001B3) & m
    return h ^ (h >> 32)


def export(model_path: Path) -> bytes:
    """The crfsuite model as the decoder's compact file: labels, transitions,
    and per hashed feature string its (label, weight) pairs."""
    import pycrfsuite

    tg = pycrfsuite.Tagger()
    tg.open(str(model_path))
    info = tg.info()
    labels = sorted(info.labels)
    index = {l: i for i, l in enumerate(labels)}
    L = len(labels)
    trans = [0.0] * (L * L)
    for (a, b), w in info.transitions.items():
        trans[index[a] * L + index[b]] = w
    by_hash: dict[int, list[tuple[int, float]]] = {}
    owner: dict[int, str] = {}
    for (attr, label), w in info.state_features.items():
        if w == 0.0:
            continue
        h = feature_key(attr)
        if owner.setdefault(h, attr) != attr:
            raise RuntimeError(f"feature hash collision: {attr!r} / {owner[h]!r}")
        by_hash.setdefault(h, []).append((index[label], w))
    keys = sorted(by_hash)
    out = bytearray(MAGIC)
    out += struct.pack("<I", L)
    for l in labels:
        b = l.encode()
        out += struct.pack("<B", len(b)) + b
    out += struct.pack(f"<{L * L}f", *trans)
    entries = [e for k in keys for e in sorted(by_hash[k])]
    out += struct.pack("<II", len(keys), len(entries))
    out += struct.pack(f"<{len(keys)}Q", *keys)
    offsets, n = [], 0
    for k in keys:
        offsets.append(n)
        n += len(by_hash[k])
    offsets.append(n)
    out += struct.pack(f"<{len(offsets)}I", *offsets)
    out += bytes(e[0] for e in entries)
    out += struct.pack(f"<{len(entries)}f", *(e[1] for e in entries))
    return bytes(out)


def write_cpp(blob: bytes, path: Path, n_train: int) -> None:
    lines = [
        "// Generated by tools/train_refs_crf.py from AnyStyle's core.xml "
        f"({n_train} tagged references, BSD-2-Clause); do not edit.",
        "// The refs tagger's weights in the format refs_crf.cpp reads.",
        "#include <cstddef>",
        "",
        "namespace scholarmerge::refs_crf_data {",
        "",
        f"extern const unsigned char kModel[{len(blob)}];",
        f"extern const std::size_t kModelSize = {len(blob)};",
        f"alignas(8) const unsigned char kModel[{len(blob)}] = {{",
    ]
    for i in range(0, len(blob), 24):
        lines.append(",".join(str(b) for b in blob[i:i + 24]) + ",")
    lines += ["};", "", "}  // namespace scholarmerge::refs_crf_data", ""]
    path.write_text("\n".join(lines))


def fit_blob(data) -> bytes:
    with tempfile.TemporaryDirectory() as d:
        m = Path(d) / "refs.crfsuite"
        train(data, m)
        return export(m)


def cross_validate(xml: Path, k: int) -> tuple[dict, list[dict], list[dict]]:
    """Scores of the C++ decoder on held-out folds (reference i is in fold
    i % k), with bench/refs_quality.py's gold and scoring."""
    import importlib.util

    import scholarmerge as sm

    spec = importlib.util.spec_from_file_location("refs_quality", ROOT / "bench" / "refs_quality.py")
    rq = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rq)
    refs = rq.load(xml)
    data = load(xml)
    assert len(refs) == len(data)
    golds = [rq.gold(r) for r in refs]
    preds: list[dict] = [{}] * len(refs)
    for fold in range(k):
        train_set = [d for i, d in enumerate(data) if i % k != fold]
        test_idx = [i for i in range(len(refs)) if i % k == fold]
        blob = fit_blob(train_set)
        corpus = sm.Corpus(sm._core._parse_references_with_model([refs[i]["text"] for i in test_idx], blob, "<cv>"))
        for i, w in zip(test_idx, corpus):
            preds[i] = rq.prediction(w)
        print(f"fold {fold + 1}/{k}: trained on {len(train_set)}, scored {len(test_idx)}", file=sys.stderr)
    return rq.score(golds, preds), golds, preds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--xml", type=Path, default=DEFAULT_XML)
    ap.add_argument("--cv", type=int, default=0, help="k-fold cross-validation instead of writing the model")
    ap.add_argument("--out", type=Path, default=MODEL_CPP)
    ap.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 penalty")
    ap.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 penalty")
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    args = ap.parse_args()
    PARAMS.update(c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    if args.cv:
        s, _, _ = cross_validate(args.xml, args.cv)
        print(" | ".join(f"{f} {v[0]:.1f} % (n={v[1]})" for f, v in s.items()))
        return
    data = load(args.xml)
    blob = fit_blob(data)
    write_cpp(blob, args.out, len(data))
    print(f"{args.out}: {len(blob):,} bytes from {len(data)} references", file=sys.stderr)


if __name__ == "__main__":
    main()
