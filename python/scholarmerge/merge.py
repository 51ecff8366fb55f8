"""Merged works, people and profiles as pandas DataFrames."""

from __future__ import annotations

import os
from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _core
from .corpus import Corpus
from .decisions import apply_decisions, load_decisions
from .dedupe import dedupe_details
from .ids import record_keys
from .names import same_author
from .stable_ids import add_stable_ids
from .tables import is_table

if TYPE_CHECKING:
    from .explain import Explanation
    from .report import Page


class Merged:
    """The result of :func:`merge`: ``works``, ``people``, ``profiles`` and
    ``conflicts`` DataFrames, with queries by person.

    >>> from scholarmerge.cli import bundled_seeds
    >>> merged = sm.merge(sm.read(bundled_seeds()))
    >>> print(merged.summary().splitlines()[0])
    129 entries from 5 source(s): 84 distinct works, 116 people, 10 field conflict(s)
    """

    model: _core.MatchModel | None = None  # the decision model dedupe fitted on the corpus

    def __init__(self, corpus: Corpus, columns: dict[str, Any], keys: list[str] | None = None) -> None:
        self.corpus = corpus
        #: The record key of each input row (:mod:`scholarmerge.ids`), which the stable IDs come from.
        self.keys = keys if keys is not None else record_keys(corpus._core)
        self.works = pd.DataFrame(columns["works"])
        self.people = pd.DataFrame(columns["people"])
        self.profiles = pd.DataFrame(columns["profiles"])
        self.conflicts = pd.DataFrame(columns["conflicts"], columns=["work_id", "field", "values", "sources"])
        self.work_of: npt.NDArray[np.int64] = np.asarray(columns["work_of"], dtype=np.int64)
        add_stable_ids(self.keys, self.work_of, self.works, self.people, self.profiles, self.conflicts)

    def person(self, name: str) -> int:
        """The ``person_index`` (the row-numbered id) whose name or one of its
        spellings fits `name` best; ``person_id(name)`` gives the stable ID."""
        best, best_score = None, 0.0
        for row in self.people.itertuples(index=False):
            score = max(same_author(name, v) for v in row.variants)
            score += 1e-6 * row.n_works  # prefer the better documented of equals
            if score > best_score:
                best, best_score = row.person_index, score
        if best is None or best_score < 0.8:
            raise KeyError(f"no person named {name!r}")
        return int(best)

    def person_id(self, name: str) -> str:
        """The stable ``person_id`` of the person :meth:`person` finds."""
        index = self.person(name)
        return str(self.people.loc[self.people["person_index"] == index, "person_id"].iloc[0])

    def works_of(self, name: str) -> pd.DataFrame:
        """The works of a person: those naming them, and those their own pages
        list (an entry cut at "et al." need not name its page's owner)."""
        pid = self.person(name)
        listed = {w for ws in self.profiles.loc[self.profiles["person_index"] == pid, "work_indexes"] for w in ws}
        mask = self.works["person_indexes"].map(lambda ids: pid in ids) | self.works["work_index"].isin(listed)
        return self.works[mask].sort_values(["year", "title"], ascending=[False, True]).reset_index(drop=True)

    def uncertain(self, n: int = 20) -> pd.DataFrame:
        """The `n` candidate pairs whose decision is nearest the threshold, to
        review first: rows `a`, `b`, their record keys, titles, whether they are
        now one work, the probability and the explanation (:func:`sm.explain`'s,
        from the model this merge decided with). Record keys are what a decisions
        file takes (:mod:`scholarmerge.decisions`).

        >>> from scholarmerge.cli import bundled_seeds
        >>> review = sm.merge(sm.read(bundled_seeds())).uncertain(5)
        >>> len(review), list(review.columns)[:4]
        (5, ['a', 'b', 'key_a', 'key_b'])
        """
        from .explain import _explanation

        core = self.corpus._core
        pairs = _core.nearest_boundary_corpus(core, int(n), model=self.model)
        keys = self.keys
        explanations, _ = _core.explain_corpus_pairs(core, [(a, b) for a, b, _p in pairs], self.model)
        rows = []
        for (a, b, _p), e in zip(pairs, explanations):
            ex = _explanation(e)
            rows.append({"a": a, "b": b, "key_a": keys[a], "key_b": keys[b], "title_a": core[a].title,
                         "title_b": core[b].title, "same_work": bool(self.work_of[a] == self.work_of[b]),
                         "probability": ex.probability, "explanation": ex})
        return pd.DataFrame(rows, columns=["a", "b", "key_a", "key_b", "title_a", "title_b", "same_work",
                                           "probability", "explanation"])

    def coauthors(self, name: str) -> pd.DataFrame:
        """People who share works with `name`: person_id, name, n_shared, person_index."""
        pid = self.person(name)
        counts: Counter[int] = Counter()
        for ids in self.works["person_indexes"]:
            if pid in ids:
                counts.update(set(ids) - {pid})
        names = dict(zip(self.people["person_index"], self.people["name"]))
        stable = dict(zip(self.people["person_index"], self.people["person_id"]))
        rows = [(stable[p], names[p], n, p) for p, n in counts.items()]
        df = pd.DataFrame(rows, columns=["person_id", "name", "n_shared", "person_index"])
        return df.sort_values(["n_shared", "name"], ascending=[False, True]).reset_index(drop=True)

    def explain(self, i: int, j: int) -> Explanation:
        """Why entries `i` and `j` of the corpus are (not) one work: the decision
        dedupe made, with the model it fitted and the records prepared with the
        whole corpus."""
        from .explain import _explanation

        found, _ = _core.explain_corpus_pairs(self.corpus._core, [(int(i), int(j))], self.model)
        return _explanation(found[0])

    def summary(self) -> str:
        lines = [f"{len(self.corpus)} entries from {len({w.source for w in self.corpus})} source(s): "
                 f"{len(self.works)} distinct works, {len(self.people)} people, "
                 f"{len(self.conflicts)} field conflict(s)"]
        for p in self.profiles.itertuples(index=False):
            how = " (inferred)" if p.inferred else ""
            lines.append(f"  {p.name}{how}: {p.n_entries} entries, {p.n_works} distinct works, "
                         f"{len(p.sources)} page(s)")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def report(self, out_dir: str | os.PathLike[str]) -> str:
        """Write the static profile site (index.html, a page per researcher) into
        `out_dir`; returns the path of its index.html."""
        from .report import write_site

        return write_site(self, out_dir)

    def to_html(self, person: str | int) -> Page:
        """One researcher's page as a self-contained HTML document (a ``str``
        that notebooks show rendered)."""
        from .report import Page, person_page

        return Page(person_page(self, person))

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(f"<tr><td>{escape(p.name)}</td><td>{p.n_entries}</td><td>{p.n_works}</td>"
                       f"<td>{len(p.sources)}</td></tr>" for p in self.profiles.itertuples(index=False))
        head = escape(self.summary().splitlines()[0])
        return (f"<p>{head}</p><table><thead><tr><th>researcher</th><th>entries</th><th>distinct works</th>"
                f"<th>pages</th></tr></thead><tbody>{rows}</tbody></table>"
                "<p><code>merged.to_html(name)</code> shows a researcher's page; "
                "<code>merged.report(dir)</code> writes the site.</p>")


_MERGE_OPTIONS = ("threads", "model", "decisions", "brute_force", "min_jaccard", "sample_every")


def merge(data: Corpus | _core.Corpus | pd.DataFrame | Any, threshold: float | None = None, **options: Any) -> Merged:
    """Deduplicate works across all inputs and resolve the people in them.

    Options: ``threads``, ``model`` (decide with it instead of fitting one),
    ``decisions`` (reviewed pairs by record key, see :mod:`scholarmerge.decisions`) and
    the measurement knobs ``brute_force``, ``min_jaccard``, ``sample_every``;
    any other keyword is an OptionError naming the nearest of these.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"title": ["Deep learning", "Deep Learning.", "Graph cuts in vision"],
    ...                    "authors": ["Yann LeCun; Yoshua Bengio", "Y. LeCun; Y. Bengio", "Yuri Boykov"],
    ...                    "year": [2015, 2015, 2001], "source": ["dblp", "acm", "dblp"]})
    >>> merged = sm.merge(df)
    >>> len(merged.works), merged.people["name"].tolist()
    (2, ['Yann LeCun', 'Yoshua Bengio', 'Yuri Boykov'])
    >>> merged.works_of("Y. Bengio")["title"].tolist()
    ['Deep learning']
    """
    _core.check_option_names("merge: ", list(options), ["threshold", *_MERGE_OPTIONS])
    if is_table(data):
        corpus = Corpus.from_frame(data)
    elif isinstance(data, Corpus):
        corpus = data
    elif isinstance(data, _core.Corpus):
        corpus = Corpus(data)
    else:
        raise TypeError("merge: expected a Corpus (use sm.read first) or a table (pandas, pyarrow, polars)")
    return merge_keyed(corpus, None, threshold, **options)


def merge_keyed(corpus: Corpus, keys: list[str] | None, threshold: float | None = None, **options: Any) -> Merged:
    """:func:`merge` of a Corpus whose record keys are given (the catalogue's,
    kept from the records as first read); None: the keys of the records."""
    if set(options) <= {"threads", "model"}:
        # The records dedupe prepares are the ones merge reads: one preparation.
        _, model, columns = _core.merge_deduped(corpus._core, float(threshold or 0.0), **options)
    else:  # decisions and the measurement knobs (brute_force, min_jaccard, sample_every)
        decisions = options.pop("decisions", None)
        details = dedupe_details(corpus, threshold=threshold, **options)
        labels, model = details.labels, details.model
        if decisions is not None:
            keys = keys if keys is not None else record_keys(corpus._core)
            labels = apply_decisions(corpus._core, keys, labels, load_decisions(decisions), model, threshold or 0.5)
        columns = _core.merge_corpus(corpus._core, labels)
    merged = Merged(corpus, columns, keys)
    merged.model = model
    return merged
