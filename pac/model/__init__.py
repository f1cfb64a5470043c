"""The portfolio format: pydantic models are its single source of truth."""

from __future__ import annotations

from pydantic import BaseModel

from pac.model.capability import Capability
from pac.model.funding import Allocation, Funding
from pac.model.objective import KeyResult, Objective
from pac.model.product import STAGES, Kpi, Lifecycle, Product
from pac.model.settings import Settings
from pac.model.team import Member, Team

# kind -> (folder, model); portfolio.yaml has no folder
KINDS: dict[str, tuple[str, type[BaseModel]]] = {
    "product": ("products", Product),
    "team": ("teams", Team),
    "capability": ("capabilities", Capability),
    "objective": ("objectives", Objective),
    "funding": ("funding", Funding),
}
FOLDERS = {folder: kind for kind, (folder, _) in KINDS.items()}  # folder -> kind
FOLDER_OF = {kind: folder for kind, (folder, _) in KINDS.items()}  # kind -> folder

__all__ = [
    "FOLDERS",
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
