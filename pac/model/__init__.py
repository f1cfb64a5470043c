"""The portfolio format: pydantic models are its single source of truth."""

from __future__ import annotations

from pydantic import BaseModel

from pac.load.layout import FOLDER_OF
from pac.model.capability import Capability
from pac.model.funding import Allocation, Funding
from pac.model.objective import KeyResult, Objective
from pac.model.product import STAGES, Kpi, Lifecycle, Product
from pac.model.settings import Settings
from pac.model.team import Member, Team

# kind -> (folder, model); portfolio.yaml has no folder
MODELS: dict[str, type[BaseModel]] = {
    "product": Product,
    "team": Team,
    "capability": Capability,
    "objective": Objective,
    "funding": Funding,
}
# every file's model by kind, portfolio.yaml's settings too
FILE_MODELS: dict[str, type[BaseModel]] = {"portfolio": Settings, **MODELS}
# kind -> (folder, model)
KINDS: dict[str, tuple[str, type[BaseModel]]] = {
    kind: (FOLDER_OF[kind], model) for kind, model in MODELS.items()
}

__all__ = [
    "FILE_MODELS",
    "FOLDER_OF",
    "KINDS",
    "STAGES",
    "Allocation",
    "Capability",
    "Funding",
    "KeyResult",
    "Kpi",
    "Lifecycle",
    "Member",
    "Objective",
    "Product",
    "Settings",
    "Team",
]
