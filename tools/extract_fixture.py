"""Copy response bodies out of recorded HTTP cassettes (vcrpy YAML) unchanged.

Each 2xx response whose body is JSON or BibTeX is written byte for byte (after
undoing the transfer encoding, gzip) to OUT/<format>/<cassette>-<n>.<ext>; the
format is told by the response's content type and the request's URL, so no
body is ever edited or re-serialised. Prints one line per file written, for
tests/data/real/SOURCES.md.

    python tools/extract_fixture.py OUT CASSETTE.yaml...
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import yaml


def _header(headers: dict, name: str) -> str:
    for key, value in (headers or {}).items():
        if key.lower() == name:
            return value[0] if isinstance(value, list) else str(value)
    return ""


def _body(response: dict) -> bytes | None:
    raw = response["body"]["string"]
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    encoding = _header(response.get("headers", {}), "content-encoding").lower()
    if encoding == "gzip":
        return gzip.decompress(data)
    if encoding and encoding != "identity":
        return None  # zstd, br: not decodable with the standard library here
    return data


def classify(uri: str, content_type: str, body: bytes) -> tuple[str, str] | None:
    """(format folder, extension) of a body, or None for one we do not read."""
    ct = content_type.lower()
    if "x-bibtex" in ct:
        return "bibtex", "bib"
    if ct and "json" not in ct:
        return None  # a body with no content type is kept only if it parses as JSON
    try:
        json.loads(body)
    except ValueError:
        return None
    if "citationstyles.csl+json" in ct or "citationstyles.csl+json" in uri:
        return "csl", "json"
    if "api.crossref.org" in uri:
        return "crossref", "json"
    if "api.openalex.org" in uri:
        return "openalex", "json"
    if "api.semanticscholar.org" in uri:
        return "s2", "json"
    return None


def extract(cassette: Path, out: Path) -> list[tuple[Path, str]]:
    doc = yaml.safe_load(cassette.read_text(encoding="utf-8"))
    written = []
    for n, interaction in enumerate(doc.get("interactions", [])):
        response = interaction["response"]
        if not 200 <= int(response["status"]["code"]) < 300:
            continue
        body = _body(response)
        if body is None:
            continue
        uri = interaction["request"]["uri"]
        kind = classify(uri, _header(response.get("headers", {}), "content-type"), body)
        if kind is None:
            continue
        folder, ext = kind
        target = out / folder / f"{cassette.parent.name}-{cassette.stem}-{n}.{ext}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
        written.append((target, uri))
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("cassettes", type=Path, nargs="+")
    args = ap.parse_args()
    for cassette in args.cassettes:
        for target, uri in extract(cassette, args.out):
            print(f"{target}\t{cassette}\t{uri}")


if __name__ == "__main__":
    main()
