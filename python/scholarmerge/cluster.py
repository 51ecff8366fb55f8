"""Clustering helpers at the Python edge."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from . import _core


def labels_from_pairs(n: int, rows: Iterable[int] | npt.ArrayLike, cols: Iterable[int] | npt.ArrayLike) -> npt.NDArray[np.int64]:
    """Connected components of the pairs (rows[k], cols[k]) over n items, as
    labels that are each component's first row (the dedupe convention)."""
    return _core.labels_from_pairs(int(n), np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))
