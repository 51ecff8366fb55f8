"""Why two records are, or are not, one work: the decision dedupe makes,
piece by piece (the same C++ compare and model, not a second copy)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

import pandas as pd

from . import _core


@dataclass
class Explanation:
    """The decision on one pair. ``evidence`` has one row per feature: its
    level and its contribution (log m/u) to the log-odds; ``guards`` the hard
    constraints that fired (any one keeps the pair apart)."""

    probability: float
    same: bool
    log_odds: float
    prior: float
    title_similarity: float
    evidence: pd.DataFrame
    guards: list[str] = field(default_factory=list)
    #: The kind of other work the contributions weigh against: "team" (another
    #: work of the same people) or "unrelated"; ``other_kind`` (<= 0) is what
    #: the other kind takes off the log-odds.
    against: str = "unrelated"
    other_kind: float = 0.0

    def __str__(self) -> str:
        verdict = "same work" if self.same else "different works"
        lines = [f"{verdict}: probability {self.probability:.3f} (log-odds {self.log_odds:+.2f}),"
                 f" weighed against {'the same team' + chr(39) + 's other work' if self.against == 'team' else 'an unrelated work'}",
                 f"  prior                {self.prior:+.2f}"]
        for row in self.evidence.itertuples(index=False):
            lines.append(f"  {row.evidence:<8} {row.value:<22} {row.contribution:+.2f}")
        if self.other_kind:
            lines.append(f"  other kind of work   {self.other_kind:+.2f}")
        lines += [f"  guard: {g}" for g in self.guards]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return "<pre>" + str(self).replace("&", "&amp;").replace("<", "&lt;") + "</pre>"


#: A record to explain: a Work, a dict of its fields or a DataFrame row.
RecordLike = Union[_core.Work, "dict[str, Any]", pd.Series]


def _work(x: RecordLike) -> _core.Work:
    if isinstance(x, _core.Work):
        return x
    if isinstance(x, pd.Series):
        x = x.to_dict()
    if isinstance(x, dict):
        from .dedupe import _works_from_frame

        return _works_from_frame(pd.DataFrame([x]))[0]
    raise TypeError(f"explain: expected a Work, a dict or a DataFrame row, not {type(x).__name__}")


def _explanation(d: dict[str, Any]) -> Explanation:
    evidence = pd.DataFrame(d["evidence"], columns=["evidence", "value", "contribution"])
    return Explanation(d["probability"], d["same"], d["log_odds"], d["prior"], d["title_similarity"], evidence,
                       list(d["guards"]), d["against"], d["other_kind"])


def explain(a: RecordLike, b: RecordLike, model: _core.MatchModel | None = None, threshold: float | None = None) -> Explanation:
    """The decision dedupe makes for records `a` and `b` (``Work``s, dicts or
    DataFrame rows) under `model`: the one a dedupe or merge fitted on its corpus
    (``merged.model``), else the documented priors.

    >>> e = sm.explain({"title": "Deep learning", "authors": "Yann LeCun", "year": 2015},
    ...                {"title": "Deep Learning.", "authors": "Y. LeCun", "year": 2015})
    >>> e.same, e.evidence["evidence"].tolist()[:3]
    (True, ['title', 'authors', 'year'])
    """
    model = model if model is not None else _core.MatchModel()
    return _explanation(_core.explain_pair(_work(a), _work(b), model, float(threshold or 0.0)))
