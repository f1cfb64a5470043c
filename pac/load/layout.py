"""Where things are in a portfolio folder: one folder per kind of entity, one file each.

Kept free of heavy imports: the change log classifies paths without loading the models.
"""

from __future__ import annotations

FOLDER_OF = {  # kind -> folder
    "product": "products",
    "team": "teams",
    "capability": "capabilities",
    "objective": "objectives",
    "funding": "funding",
}
KIND_OF = {folder: kind for kind, folder in FOLDER_OF.items()}  # folder -> kind
SETTINGS_FILES = ("portfolio.yaml", "portfolio.yml")
# the field a file names its entity by, when it is not `id`: none in portfolio.yaml
ID_FIELD = {"funding": "period", "portfolio": ""}


YAML_SUFFIXES = (".yaml", ".yml")


def is_read(path: str) -> bool:
    """Whether pac reads this portfolio-relative path at all: YAML, nothing hidden."""
    return path.endswith(YAML_SUFFIXES) and not any(p.startswith(".") for p in path.split("/"))


def classify(path: str) -> tuple[str, str] | None:
    """(kind, stem) for a portfolio-relative path, or None when pac does not read it."""
    stem = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if path in SETTINGS_FILES:
        return "portfolio", stem
    folder = path.split("/", 1)[0]
    if "/" in path and folder in KIND_OF:
        return KIND_OF[folder], stem
    return None
