"""A portfolio with every value that breaks one of Backstage's rules, for the Backstage
export's tests: ids longer than Backstage's 63 characters, tags it refuses, links its URL
parser refuses, member names that are not ASCII or that slug alike, a member in two teams,
text a YAML 1.2 reader would take for a number, a period too long for an annotation key,
and an organisation named like a team."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from pac.model import Capability, Funding, Objective, Product, Team
from pac.model.settings import Settings

LONG_PRODUCT = "a-product-whose-id-is-as-long-as-pac-allows-sixty-four-character"
LONG_TEAM = "a-team-whose-id-is-as-long-as-pac-allows-it-sixty-four-character"
LONG_CAPABILITY = "a-capability-whose-id-is-as-long-as-pac-allows-sixty-four-chars1"
LONG_PERIOD = "FY2028-and-a-period-name-longer-than-an-annotation-key-can-hold"
BAD_LINKS = {
    "port": "http://example.com:99999/",
    "ipv4": "http://1.2.3.999/",
    "ipv6": "http://[::1]/",
    "international": "https://bücher.example/",
    "  ": "https://example.com/blank-title",
}


def awkward_portfolio(folder: Path) -> None:
    """Turn a copy of the reference portfolio into the awkward one."""
    assert len(LONG_PRODUCT) == len(LONG_TEAM) == len(LONG_CAPABILITY) == 64
    settings = folder / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("Northwind Mutual", "Team Claims"))
    links = "".join(f'  "{title}": {url}\n' for title, url in BAD_LINKS.items())
    (folder / "products" / f"{LONG_PRODUCT}.yaml").write_text(
        f"id: {LONG_PRODUCT}\n"
        "name: '0o17'\n"
        "summary: '1e3'\n"
        'description: "A line\\u2028and a paragraph\\u2029separator, a tab\\tand # no comment"\n'
        "kind: application\nproduct_manager: 'yes'\n"
        "lifecycle: {stage: discovery}\n"
        f"owner: {LONG_TEAM}\n"
        f"capabilities: [{LONG_CAPABILITY}, claims-management]\n"
        "links:\n"
        "  runbook: https://wiki.example/runbook\n"
        f"{links}"
        "tags: [Customer Facing, tier-1, TIER-1, 'C++', 'ünïcode', '日本', 'a:b']\n"
    )
    (folder / "teams" / f"{LONG_TEAM}.yaml").write_text(
        f"id: {LONG_TEAM}\n"
        "name: '1e3'\n"
        "members:\n"
        "  - name: Ana Lima\n"
        "    role: Architect\n"
        "  - name: José Núñez\n"
        "  - name: Jose Nunez\n"
        "  - name: 李雷\n"
        "  - name: Ana Lima\n"
    )
    (folder / "capabilities" / f"{LONG_CAPABILITY}.yaml").write_text(
        f"id: {LONG_CAPABILITY}\nname: 'null'\nparent: claims-and-risk\n"
        "description: |\n  Two lines\n  of text.\n"
    )
    (folder / "funding" / f"{LONG_PERIOD}.yaml").write_text(
        f"period: {LONG_PERIOD}\nstart: 2028-01-01\nend: 2028-12-31\nenvelope: 100\n"
        f"allocations:\n  - product: {LONG_PRODUCT}\n    run: 0.5\n"
    )


# --- the portfolio back from the entities: what `pac import backstage` has to do ----------------


def rebuild(entities: list[dict[str, Any]]) -> dict[str, Any]:
    """pac's entities (and settings) read back from the exported Backstage entities, by
    the mapping the README gives: what proves that the export loses nothing."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for e in entities:
        by_kind.setdefault(_note(e, "entity") or e["kind"], []).append(e)
    (organisation,) = by_kind["portfolio"]
    team_ids = {e["metadata"]["name"]: _note(e, "id") for e in by_kind.get("team", [])}
    capability_ids = {e["metadata"]["name"]: _note(e, "id") for e in by_kind.get("capability", [])}
    return {
        "settings": Settings.model_validate(_data(organisation, "settings")),
        "objectives": _by_id(Objective, _data(organisation, "objective-records") or [], "id"),
        "funding": _by_id(Funding, _data(organisation, "funding-records") or [], "period"),
        "teams": _by_id(Team, [_team(e) for e in by_kind.get("team", [])], "id"),
        "capabilities": _by_id(
            Capability,
            [_capability(e, capability_ids) for e in by_kind.get("capability", [])],
            "id",
        ),
        "products": _by_id(
            Product,
            [_product(e, team_ids, capability_ids) for e in by_kind.get("product", [])],
            "id",
        ),
    }


def _note(e: dict[str, Any], key: str) -> Any:
    return e["metadata"].get("annotations", {}).get(f"pac.dev/{key}")


def _data(e: dict[str, Any], key: str) -> Any:
    text = _note(e, key)
    return None if text is None else json.loads(text, parse_float=Decimal)


def _ids(e: dict[str, Any], key: str) -> list[str]:
    text = _note(e, key)
    return text.split(",") if text else []


def _named(ref: str, ids: dict[str, str]) -> str:
    return ids[ref.rsplit("/", 1)[1]]


def _by_id(model: Any, records: list[dict[str, Any]], key: str) -> dict[str, Any]:
    return {r[key]: model.model_validate(r) for r in records}


def _given(**fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None and v != []}


def _team(e: dict[str, Any]) -> dict[str, Any]:
    profile = e["spec"].get("profile", {})
    contact = _given(chat=_note(e, "chat"), email=profile.get("email"), url=_note(e, "contact-url"))
    fte = _note(e, "capacity-fte")
    return _given(
        id=_note(e, "id"),
        name=e["metadata"]["title"],
        type=_note(e, "team-type"),
        github=_note(e, "github"),
        contact=contact or None,
        capacity_fte=None if fte is None else Decimal(fte),
        members=_data(e, "members"),
        extensions=_data(e, "extensions"),
    )


def _capability(e: dict[str, Any], capability_ids: dict[str, str]) -> dict[str, Any]:
    parent = e["spec"].get("subdomainOf")
    return _given(
        id=_note(e, "id"),
        name=e["metadata"]["title"],
        description=e["metadata"].get("description"),
        parent=_named(parent, capability_ids) if parent else None,
        importance=_note(e, "importance"),
        extensions=_data(e, "extensions"),
    )


def _product(
    e: dict[str, Any], team_ids: dict[str, str], capability_ids: dict[str, str]
) -> dict[str, Any]:
    metadata = e["metadata"]
    links = _data(e, "links")
    if links is None:
        links = {link["title"]: link["url"] for link in metadata.get("links", [])}
    tags = _data(e, "tags")
    lifecycle = _given(
        stage=_note(e, "stage"), since=_note(e, "stage-since"), retire_by=_note(e, "retire-by")
    )
    return _given(
        id=_note(e, "id"),
        name=metadata["title"],
        summary=metadata.get("description"),
        description=_note(e, "description"),
        kind=e["spec"]["type"],
        lifecycle=lifecycle,
        owner=_named(e["spec"]["owner"], team_ids),
        product_manager=_note(e, "product-manager"),
        capabilities=_ids(e, "capabilities"),
        objectives=_ids(e, "objectives"),
        depends_on=_ids(e, "depends-on"),
        disposition=_note(e, "disposition"),
        last_stakeholder_review=_note(e, "last-stakeholder-review"),
        previous_ids=_ids(e, "previous-ids"),
        links=links or None,
        tags=metadata.get("tags", []) if tags is None else tags,
        **{key: _data(e, key) for key in RECORDS},
    )


RECORDS = ("customers", "value", "kpis", "roadmap", "technology", "stakeholders", "extensions")
