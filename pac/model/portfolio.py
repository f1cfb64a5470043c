"""The portfolio as the rules and reports see it: valid entities, by kind and id."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from pac.model import FOLDER_OF, KINDS, Capability, Funding, Objective, Product, Settings, Team

FALLBACK_SETTINGS = Settings(name="(portfolio.yaml could not be read)")


@dataclass(frozen=True)
class Portfolio:
    """Valid entities; `known` also holds ids of files that exist but failed validation,
    so that a broken file does not make every reference to it look wrong too."""

    settings: Settings
    products: dict[str, Product]
    teams: dict[str, Team]
    capabilities: dict[str, Capability]
    objectives: dict[str, Objective]
    funding: dict[str, Funding]
    files: dict[tuple[str, str], str]
    known: dict[str, set[str]]

    def of_kind(self, kind: str) -> dict[str, Any]:
        """The valid entities of one kind ("product", "team", ...), by id."""
        entities: dict[str, Any] = getattr(self, FOLDER_OF[kind])
        return entities

    def file_of(self, kind: str, entity_id: str) -> str:
        return self.files[(kind, entity_id)]

    @property
    def settings_file(self) -> str:
        return self.files.get(("portfolio", "portfolio"), "portfolio.yaml")

    def products_by_owner(self) -> dict[str, list[str]]:
        """Each owner team's product ids, in id order."""
        owned: dict[str, list[str]] = {}
        for pid, product in sorted(self.products.items()):
            owned.setdefault(product.owner, []).append(pid)
        return owned

    def active_products_per_team(self) -> Counter[str]:
        """Products that are not retired, per owner team."""
        return Counter(p.owner for p in self.products.values() if p.lifecycle.stage != "retired")

    def entity_count(self) -> dict[str, int]:
        """Entities declared per folder, valid or not."""
        return {folder: len(self.known[kind]) for kind, (folder, _) in KINDS.items()}
