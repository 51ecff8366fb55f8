"""The collaboration graph: people as nodes, shared works as weighted edges."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import os

    from .merge import Merged


def edges(merged: Merged) -> Counter[tuple[int, int]]:
    """(person_id, person_id) -> number of shared works, smaller id first."""
    out: Counter[tuple[int, int]] = Counter()
    for ids in merged.works["person_indexes"]:
        for a, b in combinations(sorted(set(ids)), 2):
            out[(a, b)] += 1
    return out


def collaboration_graph(merged: Merged) -> Any:
    """A networkx Graph: nodes are person indexes with `name`, `n_works` and the stable `person_id`;
    edges carry `weight`, the number of works the two share."""
    import networkx as nx

    g = nx.Graph()
    for p in merged.people.itertuples(index=False):
        g.add_node(int(p.person_index), name=p.name, n_works=int(p.n_works), person_id=p.person_id)
    for (a, b), w in edges(merged).items():
        g.add_edge(int(a), int(b), weight=w)
    return g


def write_graphml(merged: Merged, path: str | os.PathLike[str]) -> None:
    """The collaboration graph written as GraphML to `path`."""
    import networkx as nx

    nx.write_graphml(collaboration_graph(merged), path)
