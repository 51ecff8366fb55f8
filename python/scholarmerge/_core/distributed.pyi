"""
dedupe and merge in stages over partitions (see scholarmerge/distributed.hpp)
"""
from __future__ import annotations
import collections.abc
import numpy
import numpy.typing
import scholarmerge._core
import typing
__all__: list[str] = ['bucket_people', 'count_anchors', 'count_patterns', 'group_entries', 'group_pairs', 'merge_anchors', 'merge_rows', 'number_people', 'prefix_join', 'prefix_postings', 'resolve_mentions', 'row_keys', 'verify_and_cluster', 'word_ranks', 'work_mentions']
def bucket_people(parts: list, person: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> dict:
    """
    The people table of one key bucket, as merge_corpus gives it.
    """
def count_anchors(titles: collections.abc.Sequence[str], authors: collections.abc.Sequence[str | None], years: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex | None], venues: collections.abc.Sequence[str], sources: collections.abc.Sequence[str], dois: collections.abc.Sequence[str], arxivs: collections.abc.Sequence[str], pages: collections.abc.Sequence[str], notes: collections.abc.Sequence[str], row_ids: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], recurrence: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64], ys: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], xs: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> list[int]:
    ...
def count_patterns(titles: collections.abc.Sequence[str], authors: collections.abc.Sequence[str | None], years: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex | None], venues: collections.abc.Sequence[str], sources: collections.abc.Sequence[str], dois: collections.abc.Sequence[str], arxivs: collections.abc.Sequence[str], pages: collections.abc.Sequence[str], notes: collections.abc.Sequence[str], row_ids: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], recurrence: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64], ys: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], xs: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], anchors: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]) -> numpy.typing.NDArray[numpy.uint64]:
    ...
def group_entries(keys: dict, first_row: typing.SupportsInt | typing.SupportsIndex, ranks: dict, min_jaccard: typing.SupportsFloat | typing.SupportsIndex) -> tuple[numpy.typing.NDArray[numpy.uint64], numpy.typing.NDArray[numpy.int64]]:
    ...
def group_pairs(keys: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64], rows: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> tuple:
    ...
def merge_anchors(states: collections.abc.Sequence[collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex]]) -> list[int]:
    """
    The buckets' venue names (count_anchors) summed.
    """
def merge_rows(rows: scholarmerge._core.Corpus, row_ids: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], labels: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], mention_row: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], mention_index: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], person: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> dict:
    """
    Works and conflicts of one work bucket, as merge_corpus gives them.
    """
def number_people(first_row: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], first_index: typing.Annotated[numpy.typing.ArrayLike, numpy.int64]) -> numpy.typing.NDArray[numpy.int64]:
    """
    Person ids in order of first mention.
    """
def prefix_join(parts: list, min_jaccard: typing.SupportsFloat | typing.SupportsIndex) -> tuple:
    ...
def prefix_postings(keys: dict, first_row: typing.SupportsInt | typing.SupportsIndex, ranks: dict, min_jaccard: typing.SupportsFloat | typing.SupportsIndex, buckets: typing.SupportsInt | typing.SupportsIndex) -> list:
    ...
def resolve_mentions(parts: list) -> dict:
    """
    The people of one key bucket: per mention a local person; per person its first mention.
    """
def row_keys(titles: collections.abc.Sequence[str], sources: collections.abc.Sequence[str], dois: collections.abc.Sequence[str], arxivs: collections.abc.Sequence[str]) -> dict:
    ...
def verify_and_cluster(titles: collections.abc.Sequence[str], authors: collections.abc.Sequence[str | None], years: collections.abc.Sequence[typing.SupportsInt | typing.SupportsIndex | None], venues: collections.abc.Sequence[str], sources: collections.abc.Sequence[str], dois: collections.abc.Sequence[str], arxivs: collections.abc.Sequence[str], pages: collections.abc.Sequence[str], notes: collections.abc.Sequence[str], row_ids: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], recurrence: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64], ys: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], xs: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], model: scholarmerge._core.MatchModel, threshold: typing.SupportsFloat | typing.SupportsIndex = 0.0) -> numpy.typing.NDArray[numpy.int64]:
    ...
def word_ranks(words: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64], document_frequency: typing.Annotated[numpy.typing.ArrayLike, numpy.uint64]) -> dict:
    ...
def work_mentions(rows: scholarmerge._core.Corpus, row_ids: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], labels: typing.Annotated[numpy.typing.ArrayLike, numpy.int64], buckets: typing.SupportsInt | typing.SupportsIndex) -> list:
    """
    The author mentions of rows holding whole works, as `buckets` dicts by name key.
    """
