"""Cycles in the portfolio's graphs (capability parents, product dependencies)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def cycles(edges: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Each cycle of the directed graph as a list of nodes, starting at its smallest id.

    Strongly connected components (Tarjan's algorithm, iterative so that long chains do
    not exhaust the stack); a component counts when it has several nodes or a self-loop.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = [t for t in edges[node] if t in edges]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                component = _pop_component(stack, on_stack, node)
                if len(component) > 1 or node in edges[node]:
                    found.append(_ordered(component, edges))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return sorted(found)


def _pop_component(stack: list[str], on_stack: set[str], root: str) -> list[str]:
    component = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            return component


def _ordered(component: list[str], edges: Mapping[str, Sequence[str]]) -> list[str]:
    """Walk the component from its smallest node along edges inside it: a readable cycle.

    The walk stops where every next node is already on it; the loop closes at the first of
    those, which is the start unless the walk wandered off (a -> b -> c where c leads back to
    b only: the loop is b -> c)."""
    members = set(component)
    path = [min(component)]
    seen = {path[0]}
    while True:
        nxt = sorted(t for t in edges[path[-1]] if t in members)
        unvisited = [t for t in nxt if t not in seen]
        if not unvisited:
            loop = path[min(path.index(t) for t in nxt) :]
            first = loop.index(min(loop))
            return loop[first:] + loop[:first]
        path.append(unvisited[0])
        seen.add(unvisited[0])
