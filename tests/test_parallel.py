"""Work over many items: in one process below the minimum, in forked ones above it, and
always in order."""

from __future__ import annotations

import os
from collections.abc import Sequence

from pac.parallel import map_chunks


def _squares_and_pids(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(n * n, os.getpid()) for n in items]


def test_below_the_minimum_one_call_in_this_process() -> None:
    calls: list[list[int]] = []

    def work(items: Sequence[int]) -> list[int]:
        calls.append(list(items))
        return [n + 1 for n in items]

    assert map_chunks(work, [3, 1, 2], minimum=4) == [4, 2, 3]
    assert calls == [[3, 1, 2]]
    assert map_chunks(work, [], minimum=1) == []


def test_above_the_minimum_results_keep_the_order() -> None:
    items = list(range(200))
    results = map_chunks(_squares_and_pids, items, minimum=10)
    assert [square for square, _ in results] == [n * n for n in items]
    if (os.cpu_count() or 1) > 1:  # forked workers, never this process
        assert os.getpid() not in {pid for _, pid in results}
