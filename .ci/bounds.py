"""Print pip constraints that pin every direct dependency to its lower bound in pyproject.toml.

Used by `.ci/oldest`: the suite must pass with the oldest releases pac says it supports.
A dependency with no lower bound (`types-PyYAML`, say) is left free.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_REQUIREMENT = re.compile(r"^([A-Za-z0-9._-]+)(\[[^\]]*\])?\s*(.*)$")


def lower_bounds(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements.extend(extra)
    pins = []
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement.split(";")[0].strip())
        if match is None:
            sys.exit(f"cannot read the requirement {requirement!r}")
        name, _, specifiers = match.groups()
        bound = re.search(r">=\s*([^,\s]+)", specifiers)
        if bound:
            pins.append(f"{name}=={bound[1]}")
    return sorted(pins, key=str.lower)


if __name__ == "__main__":
    print("\n".join(lower_bounds(Path(sys.argv[1]))))
