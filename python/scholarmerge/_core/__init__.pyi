"""
scholarmerge C++ core
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import typing
from . import distributed
__all__: list[str] = ['Author', 'Corpus', 'Diagnostic', 'FileReader', 'IncrementalMatcher', 'MatchModel', 'ProfileHeader', 'SAME_AUTHOR_THRESHOLD', 'Work', 'arrow_buffers', 'check_option_names', 'clean_display', 'corpus_from_buffers', 'dedupe_columns', 'dedupe_corpus', 'dedupe_works', 'detect_format', 'distributed', 'evidence_of_pattern', 'explain_columns', 'explain_corpus_pairs', 'explain_pair', 'extra_dicts', 'fit_labelled_corpus', 'fit_model', 'fold', 'formats', 'labels_from_pairs', 'merge_corpus', 'merge_deduped', 'nearest_boundary_corpus', 'normalize_title', 'parse_author_list', 'parse_name', 'parse_names_buffers', 'parse_names_columns', 'parse_reference', 'parse_references', 'read', 'read_text', 'same_author', 'same_author_pairs', 'tag_reference', 'title_similarity', 'to_bibtex', 'to_csl_json']
class Author:
    display: str
    equal_contribution: bool
    given: str
    highlighted: bool
    id: str
    initials: str
    key: str
    raw: str
    suffix: str
    surname: str
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_json(self) -> str:
        ...
    @property
    def affiliations(self) -> list[str]:
        ...
    @affiliations.setter
    def affiliations(self, arg0: collections.abc.Sequence[str]) -> None:
        ...
class Work:
    abstract: str
    authors_truncated: bool
    category: str
    source: str
    source_format: str
    title: str
    venue: str
    def __init__(self) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def to_json(self) -> str:
        ...
    @property
    def authors(self) -> list[Author]:
        ...
    @authors.setter
    def authors(self, arg0: collections.abc.Sequence[Author]) -> None:
        ...
    @property
    def date(self) -> typing.Any:
        ...
    @date.setter
    def date(self, arg1: str | None) -> None:
        ...
    @property
    def extra(self) -> dict[str, None | bool | int | float | str]:
        ...
    @extra.setter
    def extra(self, arg0: collections.abc.Mapping[str, None | bool | typing.SupportsInt | typing.SupportsIndex | typing.SupportsFloat | typing.SupportsIndex | str]) -> None:
        ...
    @property
    def ids(self) -> dict[str, str]:
        ...
    @ids.setter
    def ids(self, arg0: collections.abc.Mapping[str, str]) -> None:
        ...
    @property
    def links(self) -> dict[str, str]:
        ...
    @links.setter
    def links(self, arg0: collections.abc.Mapping[str, str]) -> None:
        ...
    @property
    def source_line(self) -> int:
        ...
    @source_line.setter
    def source_line(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> None:
        ...
    @property
    def year(self) -> int | None:
        ...
    @year.setter
    def year(self, arg0: typing.SupportsInt | typing.SupportsIndex | None) -> None:
        ...
class Diagnostic:
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    @property
    def line(self) -> int:
        ...
    @property
    def message(self) -> str:
        ...
    @property
    def severity(self) -> str:
        ...
    @property
    def source(self) -> str:
        ...
class ProfileHeader:
    def __repr__(self) -> str:
        ...
    @property
    def inferred(self) -> bool:
        ...
    @property
    def metrics(self) -> dict[str, None | bool | int | float | str]:
        ...
    @property
    def name(self) -> str:
        ...
    @property
    def source(self) -> str:
        ...
    @property
    def source_format(self) -> str:
        ...
class Corpus:
    @staticmethod
    def from_columns(titles: typing.Any, authors: typing.Any = [], years: typing.Any = [], venues: typing.Any = [], sources: typing.Any = [], dois: typing.Any = [], arxivs: typing.Any = [], pages: typing.Any = [], notes: typing.Any = [], lines: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = []) -> Corpus:
        """
        A Corpus from table columns (one value per row; author lists as text), built without a Python object per row. A column is a list or Arrow buffers (see dedupe_columns). `lines`: each row's line in its source (default: its position + 1).
        """
    def __getitem__(self, arg0: typing.SupportsInt | typing.SupportsIndex) -> Work:
        """
        The work itself (a view: setting a field changes the corpus).
        """
    def __init__(self) -> None:
        ...
    def __len__(self) -> int:
        ...
    def columns(self) -> dict:
        ...
    def extend(self, arg0: Corpus) -> None:
        ...
    def to_jsonl(self) -> str:
        ...
    @property
    def diagnostics(self) -> list[Diagnostic]:
        ...
    @property
    def profiles(self) -> list[ProfileHeader]:
        ...
    @property
    def works(self) -> list[Work]:
        ...
class FileReader:
    def __init__(self, path: str, format: str = 'auto', year: typing.SupportsInt | typing.SupportsIndex = 0, params: collections.abc.Mapping[str, str] = {}, threads: typing.SupportsInt | typing.SupportsIndex = 1, piece_bytes: typing.SupportsInt | typing.SupportsIndex = 33554432) -> None:
        ...
    def __iter__(self) -> FileReader:
        ...
    def __next__(self) -> Corpus:
        ...
    @property
    def bytes_read(self) -> int:
        ...
    @property
    def bytes_total(self) -> int:
        ...
    @property
    def path(self) -> str:
        ...
class MatchModel:
    """
    The Fellegi-Sunter decision model: per feature and level, m = P(level | same work) and
    u = P(level | different works), and the prior P(same) of a candidate pair.
    """
    def __getstate__(self) -> tuple:
        ...
    def __init__(self) -> None:
        """
        The documented priors.
        """
    def __setstate__(self, arg0: tuple) -> None:
        ...
    def weights(self, against: str = 'unrelated') -> list:
        """
        (feature, level, m, u, weight) per level: weight = log(m / u), the same work against an unrelated
        one; with against='team', (feature, level, m, t, log(m / t)) against another work of the same team
        (a three-class model only).
        """
    @property
    def m(self) -> typing.Annotated[list[typing.Annotated[list[float], "FixedSize(30)"]], "FixedSize(8)"]:
        ...
    @property
    def prior(self) -> float:
        ...
    @property
    def t(self) -> typing.Annotated[list[typing.Annotated[list[float], "FixedSize(30)"]], "FixedSize(8)"]:
        """
        P(level | another work of the same team), per feature and level.
        """
    @property
    def team(self) -> float:
        """
        P(another work of the same team) for a candidate pair; 0: a two-class model.
        """
    @property
    def u(self) -> typing.Annotated[list[typing.Annotated[list[float], "FixedSize(30)"]], "FixedSize(8)"]:
        ...
class IncrementalMatcher:
    """
    Stored records kept prepared and indexed, matched against added ones (scholarmerge/incremental.hpp); the catalogue's add.
    """
    @staticmethod
    def restore(states: collections.abc.Sequence[bytes], fetch: collections.abc.Callable, model: MatchModel, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, min_jaccard: typing.SupportsFloat | typing.SupportsIndex = 0.35, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> IncrementalMatcher:
        """
        The matcher a snapshot and the deltas after it describe (bytes, in order), decided with `model`; `fetch(rows)` gives the bytes of stored records by row (as take_changed_records gave them), called by add() for the few it needs. ValueError when the states are cut, of another format version or options, or do not follow one another.
        """
    def __init__(self, stored: Corpus, labels: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], model: MatchModel, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, min_jaccard: typing.SupportsFloat | typing.SupportsIndex = 0.35, threads: typing.SupportsInt | typing.SupportsIndex = 0) -> None:
        """
        `labels`: the stored records' clusters (index of each one's first row), decisions not applied.
        """
    def __len__(self) -> int:
        ...
    def add(self, added: Corpus) -> tuple[numpy.typing.NDArray[numpy.int64], numpy.typing.NDArray[numpy.int64], int]:
        """
        Append the records and fit the model again on the candidate pairs' pattern counts; (rows, labels)
        of the records clustered again (the new ones among them), and how many stored pairs the refitted
        model decides otherwise (their clusters are among the rows).
        """
    def snapshot(self) -> bytes:
        """
        The state as bytes, all of it but the records (take_changed_records gives those) and the model: what restore() starts from.
        """
    def take_changed_records(self) -> list[tuple[int, bytes]]:
        """
        The records added or changed since the last call (every record after construction), as [(row, bytes)]: what restore's fetch gives back by row.
        """
    @property
    def labels(self) -> numpy.typing.NDArray[numpy.int64]:
        ...
    @property
    def last_delta(self) -> bytes:
        """
        What the last add() changed, as bytes to replay after the state before it (after construction: a snapshot).
        """
    @property
    def model(self) -> MatchModel:
        """
        The model the last add() decided with: fitted on pattern_counts, its anchors those of the model given grown by the added records' anchor pairs.
        """
    @property
    def pairs(self) -> numpy.typing.NDArray[numpy.uint32]:
        """
        The unguarded candidate pairs kept, one row each: row a, row b (a < b), evidence pattern.
        """
    @property
    def pattern_counts(self) -> numpy.typing.NDArray[numpy.uint64]:
        """
        The unguarded candidate pairs of the records per evidence pattern, as dedupe counts them.
        """
def _bench_parse_json_lines(arg0: str) -> tuple[int, int]:
    """
    Parse every line of a JSON Lines file with simdjson On-Demand, visiting every value; (records, values). For bench/bench_json.py.
    """
def _bench_parse_names(arg0: collections.abc.Sequence[str]) -> tuple[float, int]:
    """
    Seconds to parse every name into one reused Author (no Python objects), and how many took the common-shape shortcut. For bench/bench_names.py.
    """
def _bench_simdjson_kernels() -> dict[str, str]:
    ...
def _parse_name_reference(text: str) -> Author:
    """
    parse_name without its shortcut for common shapes: the reference tests compare it with.
    """
def _parse_references_crf(texts: collections.abc.Sequence[str], source: str = '<references>') -> Corpus:
    ...
def _parse_references_rules(texts: collections.abc.Sequence[str], source: str = '<references>') -> Corpus:
    ...
def _parse_references_with_model(texts: collections.abc.Sequence[str], model: bytes, source: str = '<references>') -> Corpus:
    ...
def _refs_crf_features(text: str) -> list[list[str]]:
    ...
def _refs_rule_regions(text: str) -> list[str]:
    ...
def _tag_tokens_with_model(texts: collections.abc.Sequence[str], model: bytes) -> list[list[str]]:
    ...
def arrow_buffers(corpus: Corpus) -> dict:
    """
    The works and authors of a corpus as Arrow buffers (numpy arrays that own the memory), for
    pyarrow.Array.from_buffers: scholarmerge.arrow builds the tables from them.
    """
def check_option_names(where: str, keys: collections.abc.Sequence[str], known: collections.abc.Sequence[str]) -> None:
    """
    Raise OptionError for the first of `keys` not in `known`, naming the nearest known one.
    """
def clean_display(text: str) -> str:
    """
    Display form: tags, entities and LaTeX decoded.
    """
def corpus_from_buffers(works: dict, authors: dict) -> Corpus:
    """
    A Corpus from the columns of scholarmerge.arrow's tables as numpy views (int64 offsets, bool validity).
    """
def dedupe_columns(titles: typing.Any, authors: typing.Any, years: typing.Any, venues: typing.Any, sources: typing.Any, dois: typing.Any, arxivs: typing.Any, pages: typing.Any = [], notes: typing.Any = [], threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, threads: typing.SupportsInt | typing.SupportsIndex = 0, min_jaccard: typing.SupportsFloat | typing.SupportsIndex = 0.0, sample_every: typing.SupportsInt | typing.SupportsIndex = 1, model: typing.Any = None) -> tuple[numpy.typing.NDArray[numpy.int64], int, int, MatchModel, numpy.typing.NDArray[numpy.uint64]]:
    """
    Dedupe table columns without building a Work per row (memory: the match records only). A text
    column is a list of str (None: missing) or Arrow buffers (offsets, bytes, validity or None); years a
    list of int or None, or (int64 values, bool validity or None).
    """
def dedupe_corpus(corpus: Corpus, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, threads: typing.SupportsInt | typing.SupportsIndex = 0, brute_force: bool = False, min_jaccard: typing.SupportsFloat | typing.SupportsIndex = 0.0, sample_every: typing.SupportsInt | typing.SupportsIndex = 1, model: typing.Any = None) -> tuple[numpy.typing.NDArray[numpy.int64], int, int, MatchModel, numpy.typing.NDArray[numpy.uint64]]:
    ...
def dedupe_works(works: collections.abc.Sequence[Work], threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, threads: typing.SupportsInt | typing.SupportsIndex = 0, brute_force: bool = False, min_jaccard: typing.SupportsFloat | typing.SupportsIndex = 0.0, sample_every: typing.SupportsInt | typing.SupportsIndex = 1, model: typing.Any = None) -> tuple[numpy.typing.NDArray[numpy.int64], int, int, MatchModel, numpy.typing.NDArray[numpy.uint64]]:
    ...
def detect_format(text: str, path: str = '') -> str:
    ...
def evidence_of_pattern(pattern: typing.SupportsInt | typing.SupportsIndex) -> list:
    """
    The level names of an evidence pattern, one per feature.
    """
def explain_columns(titles: collections.abc.Sequence[str], authors: collections.abc.Sequence[str | None], years: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex | None], venues: collections.abc.Sequence[str], pairs: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], model: MatchModel, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, pages: collections.abc.Sequence[str] = [], notes: collections.abc.Sequence[str] = []) -> tuple[list, list]:
    """
    Rows as the matcher sees them (dicts) and, for each (i, j) pair, its explanation (dict).
    """
def explain_corpus_pairs(corpus: Corpus, pairs: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], model: typing.Any = None, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> tuple[list, MatchModel]:
    """
    Each (i, j) pair of a corpus decided alone, its records prepared with the whole corpus and the
    model fitted on it (unless one is given): (explanations, model).
    """
def explain_pair(a: Work, b: Work, model: MatchModel, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> dict:
    """
    The decision on two works: evidence rows (feature, level, contribution), guards, probability.
    """
def extra_dicts(corpus: Corpus) -> list:
    """
    Each work's `extra` as a dict (an object column of pandas holds these).
    """
def fit_labelled_corpus(corpus: Corpus, pairs: collections.abc.Sequence[tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex]], same: collections.abc.Sequence[bool], start: MatchModel) -> MatchModel:
    """
    The model `start` refined by labelled (i, j) pairs of a corpus, each same work or not
    (its records prepared with the whole corpus).
    """
def fit_model(counts: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64], anchors: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex] = []) -> MatchModel:
    """
    The model fitted by EM on per-pattern counts of candidate pairs, with the corpus's venue names
    (the distributed path's count_anchors, summed).
    """
def fold(text: str) -> str:
    """
    Matching form: case, accents, dashes and quotes folded.
    """
def formats() -> list[str]:
    """
    The names of the input formats, in the order format="auto" tries them.
    
    >>> "bibtex" in sm.formats() and "csv" in sm.formats()
    True
    """
def labels_from_pairs(n: typing.SupportsInt | typing.SupportsIndex, rows: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], cols: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> numpy.typing.NDArray[numpy.int64]:
    ...
def merge_corpus(corpus: Corpus, labels: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> dict:
    ...
def merge_deduped(corpus: Corpus, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, threads: typing.SupportsInt | typing.SupportsIndex = 0, model: typing.Any = None) -> tuple[numpy.typing.NDArray[numpy.int64], MatchModel, dict]:
    """
    Dedupe then merge, the records prepared once for both: (labels, model, merge columns).
    """
def nearest_boundary_corpus(corpus: Corpus, n: typing.SupportsInt | typing.SupportsIndex, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0, threads: typing.SupportsInt | typing.SupportsIndex = 0, model: typing.Any = None) -> list:
    """
    The n candidate pairs (a, b, probability) nearest the decision threshold, nearest first.
    """
def normalize_title(text: str) -> str:
    """
    A title's matching form: folded, punctuation removed, spaces collapsed.
    
    >>> sm.normalize_title("The Deep-Learning Book!")
    'the deeplearning book'
    """
def parse_author_list(text: str) -> tuple[list[Author], bool]:
    """
    An author list as (authors, truncated); truncated is True when it ends in "et al." or "...".
    
    >>> authors, truncated = sm.parse_author_list("J. Smith and A. Jones")
    >>> [a.display for a in authors], truncated
    (['J. Smith', 'A. Jones'], False)
    """
def parse_name(text: str) -> Author:
    """
    One name as an Author: given names, surname, initials, suffix and the matching key.
    
    >>> a = sm.parse_name("Smith, John A.")
    >>> a.surname, a.given, a.initials, a.key
    ('Smith', 'John A.', 'JA', 'smith j')
    """
def parse_names_buffers(texts: tuple, distinct: bool = False) -> dict:
    ...
def parse_names_columns(texts: list[str]) -> dict:
    ...
def parse_reference(text: str) -> Work:
    ...
def parse_references(texts: collections.abc.Sequence[str], source: str = '<references>') -> Corpus:
    ...
def read(paths: collections.abc.Sequence[str], format: str = 'auto', year: typing.SupportsInt | typing.SupportsIndex = 0, params: collections.abc.Mapping[str, str] = {}, threads: typing.SupportsInt | typing.SupportsIndex = 1, progress: collections.abc.Callable | None = None) -> Corpus:
    ...
def read_text(text: str, format: str = 'auto', source: str = '<text>', year: typing.SupportsInt | typing.SupportsIndex = 0, params: collections.abc.Mapping[str, str] = {}, threads: typing.SupportsInt | typing.SupportsIndex = 1) -> Corpus:
    ...
def same_author(a: Author, b: Author) -> float:
    ...
def same_author_pairs(a: collections.abc.Sequence[str], b: collections.abc.Sequence[str]) -> numpy.typing.NDArray[numpy.float64]:
    """
    same_author over two equal-length lists of names, as a numpy array.
    """
def tag_reference(text: str) -> list[tuple[str, str]]:
    ...
def title_similarity(a: str, b: str) -> float:
    """
    How alike two titles are, in [0, 1], compared in their normalised form.
    
    >>> sm.title_similarity("Deep learning", "Deep Learning.")
    1.0
    >>> sm.title_similarity("Deep learning", "Graph cuts") < 0.5
    True
    """
def to_bibtex(arg0: Corpus) -> str:
    ...
def to_csl_json(arg0: Corpus) -> str:
    ...
SAME_AUTHOR_THRESHOLD: float = 0.8
