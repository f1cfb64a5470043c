"""Templates compiled once a process: a new environment loads them from memory, and a
template whose source changed compiles again."""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket

from pac.catalogue.compiled import Compiled


class Counted(Compiled):
    """The cache, counting the templates Jinja compiled (it stores each one it compiles)."""

    compiled = 0

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled += 1
        super().dump_bytecode(bucket)


def test_a_template_is_compiled_once_until_its_source_changes() -> None:
    cache = Counted()
    sources = {"page.j2": "Hello {{ name }}!"}

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("page.j2").render(name="Ada")

    assert (render(), cache.compiled, len(cache)) == ("Hello Ada!", 1, 1)
    assert (render(), cache.compiled, len(cache)) == ("Hello Ada!", 1, 1)  # loaded from memory
    sources["page.j2"] = "Goodbye {{ name }}."
    assert (render(), cache.compiled, len(cache)) == ("Goodbye Ada.", 2, 2)
