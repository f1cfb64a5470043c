"""Work spread over every core, for the few steps where one process is the bottleneck."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def map_chunks(
    work: Callable[[Sequence[Item]], list[Result]], items: Sequence[Item], *, minimum: int
) -> list[Result]:
    """`work` over `items` in order: in forked processes, one per core, when there are at
    least `minimum` items (below that, starting processes costs more than it saves)."""
    cores = os.cpu_count() or 1
    if len(items) < minimum or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return work(items)
    size = -(-len(items) // (cores * 4))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
        return [result for part in pool.map(work, chunks) for result in part]
