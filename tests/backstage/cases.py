"""A portfolio with every value that breaks one of Backstage's rules, for the Backstage
export's tests: ids longer than Backstage's 63 characters, tags it refuses, links its URL
parser refuses, member names that are not ASCII or that slug alike, a member in two teams,
text a YAML 1.2 reader would take for a number, a period too long for an annotation key,
and an organisation named like a team."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pac.importing.backstage_pac import DECODERS, decode_organisation, pac_kind, pac_value
from pac.model import MODELS, Funding, Objective
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


# --- the portfolio back from the entities: pac's own decoder, pac/importing/backstage_pac.py ---


def rebuild(entities: list[dict[str, Any]]) -> dict[str, Any]:
    """pac's entities (and settings) read back from the exported Backstage entities alone,
    through the decoder `pac import backstage` uses: what proves that the export loses
    nothing. The refs it leaves to its caller (owner, parent) resolve by Backstage name."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for e in entities:
        by_kind.setdefault(pac_kind(e) or e["kind"], []).append(e)
    (organisation,) = by_kind["portfolio"]
    org = decode_organisation(organisation)
    assert org.problems == []
    ids = {e["metadata"]["name"]: pac_value(e, "id") for e in entities}
    return {
        "settings": Settings.model_validate(org.settings),
        "objectives": {o["id"]: Objective.model_validate(o) for o in org.objectives},
        "funding": {f["period"]: Funding.model_validate(f) for f in org.funding},
        "teams": _entities("team", by_kind.get("team", []), ids),
        "capabilities": _entities("capability", by_kind.get("capability", []), ids),
        "products": _entities("product", by_kind.get("product", []), ids),
    }


def _entities(kind: str, entities: list[dict[str, Any]], ids: dict[str, Any]) -> dict[str, Any]:
    model = MODELS[kind]
    out = {}
    for e in entities:
        decoded = DECODERS[kind](e)
        assert decoded.problems == []
        refs = {"product": ("owner", "owner"), "capability": ("parent", "subdomainOf")}
        if kind in refs and refs[kind][1] in e["spec"]:
            field, key = refs[kind]
            decoded.fields[field] = ids[e["spec"][key].rsplit("/", 1)[1]]
        entity_id = pac_value(e, "id")
        out[entity_id] = model.model_validate({"id": entity_id, **decoded.fields})
    return out
