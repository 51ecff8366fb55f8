"""Stable IDs: a key per record from the record itself, and a work ID per
cluster from its members, so that neither changes when the input is
reordered, read with another thread count, or grows by unrelated records.

The rules (documented in the README and CONTRACT.md):

- **Record key**: ``<source file name>|<own id>`` where the record has an id of
  its own (first of: BibTeX citation key, OpenAlex id, Semantic Scholar id,
  DOI, arXiv id), else ``<source file name>|h:<hash>`` of its normalised title,
  year and author surnames. The file name is the source's last path part, so a
  moved folder keeps its keys. Records whose key is already taken in the same
  input get ``#2``, ``#3``... in input order (such records say the same thing,
  so which one gets which suffix does not change a work's ID).
- **Work ID**: ``W`` + the first 16 base32 letters of the BLAKE2b hash of the
  smallest record key of the work's cluster.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from . import _core

#: The own ids a record key may use, first found first.
_OWN_IDS = ("openalex", "s2", "doi", "arxiv")


def _digest(text: str, size: int) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=size).digest()


def record_key(work: _core.Work) -> str:
    """The key of one record (see the module's rules), before duplicates get a suffix.

    >>> import scholarmerge as sm
    >>> w = sm.read_text("@article{lecun15, title={Deep learning}, author={LeCun, Yann}, year={2015}}",
    ...                  source="lib/refs.bib")[0]
    >>> record_key(w)
    'refs.bib|bibtex:lecun15'
    """
    source = os.path.basename(work.source.rstrip("/\\")) if work.source else ""
    key = work.extra.get("citation_key") if work.source_format == "bibtex" else None
    if key:
        return f"{source}|bibtex:{key}"
    ids = work.ids
    for kind in _OWN_IDS:
        if ids.get(kind):
            return f"{source}|{kind}:{ids[kind].lower()}"
    surnames = ";".join(_core.normalize_title(a.surname) for a in work.authors)
    content = "\x1f".join((_core.normalize_title(work.title), str(work.year or ""), surnames))
    return f"{source}|h:{_digest(content, 10).hex()}"


def record_keys(works: Sequence[_core.Work] | _core.Corpus) -> list[str]:
    """One unique key per record, in input order (duplicates suffixed ``#2``...)."""
    seen: dict[str, int] = {}
    keys = []
    for k in range(len(works)):  # the core's Corpus is indexable, not typed iterable
        key = record_key(works[k])
        n = seen.get(key, 0) + 1
        seen[key] = n
        keys.append(key if n == 1 else f"{key}#{n}")
    return keys


def short_id(prefix: str, text: str) -> str:
    """`prefix` + 16 base32 letters of the text's BLAKE2b hash (work and person IDs)."""
    return prefix + base64.b32encode(_digest(text, 10)).decode("ascii")


def work_id_of(smallest_key: str) -> str:
    """``W`` + 16 base32 letters of the smallest member key's hash."""
    return short_id("W", smallest_key)


def work_ids(keys: Sequence[str], labels: npt.ArrayLike) -> npt.NDArray[np.object_]:
    """The stable work ID of each row, from its cluster's smallest record key."""
    labels = np.asarray(labels)
    if len(labels) != len(keys):
        raise ValueError(f"work_ids: {len(keys)} keys for {len(labels)} labels")
    smallest: dict[int, str] = {}
    for label, key in zip(labels.tolist(), keys):
        if label not in smallest or key < smallest[label]:
            smallest[label] = key
    ids = {label: work_id_of(key) for label, key in smallest.items()}
    return np.array([ids[label] for label in labels.tolist()], dtype=object)
