"""pac/figures/graph.py called directly: each cycle once, as a readable walk from its
smallest id."""

from __future__ import annotations

import pytest

from pac.figures.graph import cycles


@pytest.mark.parametrize(("edges", "found"), [
    ({}, []),
    ({"a": [], "b": []}, []),
    ({"a": ["b"], "b": ["c"], "c": []}, []),  # a chain is no cycle
    ({"a": ["a"]}, [["a"]]),  # a self-loop is a cycle of one
    ({"a": ["b"], "b": ["a"], "c": []}, [["a", "b"]]),
    ({"b": ["a"], "a": ["b"]}, [["a", "b"]]),  # found once, whichever node comes first
    # the walk starts at the smallest id and follows the edges, in their direction
    ({"c": ["a"], "a": ["b"], "b": ["c"]}, [["a", "b", "c"]]),
    ({"a": ["c"], "c": ["b"], "b": ["a"]}, [["a", "c", "b"]]),
    # a chord inside the cycle: the walk takes the smallest next id it has not visited
    ({"a": ["c", "b"], "b": ["c"], "c": ["a"]}, [["a", "b", "c"]]),
    # a node that is not in the graph (an unknown id) is not followed
    ({"a": ["x"]}, []),
    ({"a": ["b", "x"], "b": ["a"]}, [["a", "b"]]),
    ({"a": ["x"], "x": ["a"]}, [["a", "x"]]),
    # several cycles, sorted; nodes that only lead into a cycle are not part of it
    ({"d": ["e"], "e": ["f"], "f": ["d"], "b": ["c"], "c": ["b"], "a": ["a"], "z": ["b", "d"]},
     [["a"], ["b", "c"], ["d", "e", "f"]]),
    # a cycle that leads into another: two cycles, not one
    ({"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": ["e"], "e": ["d"]},
     [["a", "b", "c"], ["d", "e"]]),
    ({"d": ["e"], "e": ["d", "a"], "a": ["b"], "b": ["a"]}, [["a", "b"], ["d", "e"]]),
    # an edge back to a finished cycle does not join it
    ({"a": ["b"], "b": ["a"], "c": ["a", "d"], "d": ["c"]}, [["a", "b"], ["c", "d"]]),
    # two loops through one node are one component: one of its loops, a real one
    ({"a": ["b", "c"], "b": ["a"], "c": ["a"]}, [["a", "b"]]),
    # a walk that wanders off closes where its last node leads back, never with an edge
    # that is not there (c leads back to b only, not to a)
    ({"a": ["b"], "b": ["a", "c"], "c": ["b"]}, [["b", "c"]]),
    ({"m": ["n"], "n": ["o", "m"], "o": ["n"]}, [["n", "o"]]),
    ({"a": ["b"], "b": ["c"], "c": ["d", "b"], "d": ["c", "a"]}, [["a", "b", "c", "d"]]),
    ({"a": ["b"], "b": ["c"], "c": ["d", "a"], "d": ["c"]}, [["c", "d"]]),
    ({"a": ["z"], "z": ["y", "a"], "y": ["x"], "x": ["z"]}, [["x", "z", "y"]]),
])
def test_cycles(edges: dict[str, list[str]], found: list[list[str]]) -> None:
    assert cycles(edges) == found


def test_a_long_chain_does_not_exhaust_the_stack() -> None:
    ids = [f"n{i:05}" for i in range(5000)]
    ring = {node: [ids[(i + 1) % len(ids)]] for i, node in enumerate(ids)}
    assert cycles(ring) == [ids]
    chain = {node: ids[i + 1:i + 2] for i, node in enumerate(ids)}
    assert cycles(chain) == []
