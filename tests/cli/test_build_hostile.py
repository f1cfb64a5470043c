"""Every portfolio string is data, never markup: in the pages pac writes, in the site
MkDocs builds from them, and in a real browser. The payloads reach every field that can
hold text, found by walking the models (see hostile.py)."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import chromium, serve, watch
from click.testing import CliRunner
from conftest import REFERENCE
from controls import check_controls
from gitrepo import GitRepo
from hostile import ATTRIBUTE, LIST, PAYLOAD, write_hostile

from pac.cli import cli
from pac.model import MODELS

# what the walk must find, whatever fields are added later
AT_LEAST = {"product": 18, "team": 9, "capability": 4, "objective": 6, "funding": 2,
            "portfolio": 10}
NESTED = {
    "product": {"links.<key>", "links.<value>", "extensions.<key>", "extensions.<value>",
                "roadmap[].themes[]", "roadmap[].themes[].theme", "tags[]", "kpis[].name",
                "customers[].segment", "stakeholders[].name", "technology[].version",
                "value.basis"},
    "team": {"members[].name", "members[].skills[]", "members[].role", "contact.chat",
             "contact.email", "contact.url", "extensions.<value>"},
    "capability": {"name", "description", "extensions.<value>"},
    "objective": {"key_results[].name", "key_results[].unit", "sponsor",
                  "extensions.<value>"},
    "funding": {"allocations[].source", "extensions.<key>", "extensions.<value>"},
    "portfolio": {"name", "scorecard.levels[].name", "taxonomy.skills[]",
                  "policies.required_skills[]", "priorities[].name"},
}

# every element and attribute pac's templates and the description sanitiser write
TAGS = {"a", "blockquote", "br", "button", "circle", "code", "defs", "desc", "details", "div",
        "em", "form", "g", "h1", "summary", "time",
        "h2", "h3", "h4", "h5", "h6", "hr", "input", "label", "li", "line", "marker", "ol",
        "option", "p", "path", "pre", "rect", "section", "select", "span", "strong", "svg",
        "table", "tbody", "td", "text", "th", "thead", "title", "tr", "ul", "wbr"}
ATTRIBUTES = {"aria-hidden", "aria-label", "aria-labelledby", "aria-live", "aria-pressed", "class",
              "colspan", "cx", "cy", "d", "data-capability", "data-series", "datetime", "dy",
              "preserveaspectratio", "r", "scope", "text-anchor",
              "data-funding", "data-kind", "data-level", "data-list", "data-live", "data-mode",
              "data-search-exclude",
              "data-owner", "data-show", "data-sort", "data-sortable", "data-stage", "data-table",
              "data-tag", "data-text", "data-value", "data-warnings", "height", "hidden", "href",
              "id", "marker-end", "markerheight", "markerwidth", "name", "orient", "placeholder",
              "refx", "refy", "rel", "role", "rx", "title", "type", "value", "viewbox", "width",
              "x", "x1", "x2", "xmlns", "y", "y1", "y2"}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[str]]]:
    """A repository whose last commit, by an author with a hostile name and message, puts
    the payloads into the reference portfolio: the change log shows them too."""
    repo = GitRepo(tmp_path_factory.mktemp("hostile") / "repo")
    repo.copy(REFERENCE, "portfolio")
    repo.commit("The reference portfolio")
    reached = write_hostile(repo.path / "portfolio")
    repo.commit(PAYLOAD, author=ATTRIBUTE)
    return repo.path / "portfolio", reached


@pytest.fixture(scope="module")
def built(hostile: tuple[Path, dict[str, set[str]]]) -> tuple[Path, Path]:
    """The hostile portfolio's generated MkDocs project and the site built from it."""
    portfolio = hostile[0]
    project, site = portfolio.parent.parent / "project", portfolio.parent.parent / "site"
    result = CliRunner().invoke(cli, ["build", str(portfolio), "--out", str(site), "--project",
                                      str(project), "--today", "2026-11-22"],
                                env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.exit_code == 0, result.output
    return project / "docs", site


def test_the_walk_puts_payloads_in_every_kind_and_nested_field(
    hostile: tuple[Path, dict[str, set[str]]],
) -> None:
    reached = hostile[1]
    assert set(reached) == {*MODELS, "portfolio"}
    for kind, paths in reached.items():
        assert len(paths) >= AT_LEAST[kind], (kind, sorted(paths))
        assert NESTED[kind] <= paths, (kind, sorted(NESTED[kind] - paths))


def test_pac_validate_accepts_the_payloads(hostile: tuple[Path, dict[str, set[str]]]) -> None:
    result = CliRunner().invoke(cli, ["validate", str(hostile[0]), "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("0 errors")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []  # the text of each script element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append("")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and self.scripts:
            self.scripts[-1] += data


def _parse(text: str) -> _Elements:
    parser = _Elements()
    parser.feed(text)
    parser.close()
    return parser


def _elements(text: str) -> list[tuple[str, dict[str, str | None]]]:
    return _parse(text).elements


def test_every_attribute_of_every_generated_page_is_pac_s_own(built: tuple[Path, Path]) -> None:
    docs = built[0]
    pages = sorted(p for p in docs.rglob("*.md") if "alert(" in p.read_text())
    assert len(pages) >= 15
    assert docs / "roadmap.md" in pages  # themes, product, team and objective names
    for page in pages:
        body = page.read_text().split("\n---\n", 1)[1]  # after the front matter
        for tag, attrs in _elements(body):
            where = f"{page.relative_to(docs)}: <{tag} {attrs}>"
            assert tag in TAGS, where
            assert set(attrs) <= ATTRIBUTES, where
            href = attrs.get("href") or ""
            assert not href.lower().startswith("javascript"), where
    index = (docs / "products" / "index.md").read_text()
    rows = [attrs for tag, attrs in _elements(index) if tag == "tr" and "data-tag" in attrs]
    assert rows and all(json.loads(r["data-tag"] or "") == LIST for r in rows)
    assert all(PAYLOAD.lower() in (r["data-text"] or "") for r in rows)


def test_every_attribute_of_every_site_page_is_harmless(built: tuple[Path, Path]) -> None:
    site = built[1]
    for page in site.rglob("*.html"):
        parsed = _parse(page.read_text())
        for tag, attrs in parsed.elements:
            where = f"{page.relative_to(site)}: <{tag} {attrs}>"
            assert not [name for name in attrs if name.startswith("on")], where
            assert "autofocus" not in attrs and tag != "img", where
        assert not [s for s in parsed.scripts if "alert(" in s], page


_INJECTED = """() => ({
  handlers: Array.from(document.querySelectorAll("*")).flatMap(e =>
    Array.from(e.attributes).filter(a => a.name.startsWith("on") || a.name === "autofocus")
      .map(a => e.tagName + " " + a.name)),
  images: document.querySelectorAll("img[src=x], img[src$='/x']").length,
  scripts: Array.from(document.scripts).filter(s => s.text.includes("alert(")).length,
  links: document.querySelectorAll("a[href^='javascript' i]").length,
})"""


def test_no_payload_runs_or_becomes_markup_in_the_browser(built: tuple[Path, Path]) -> None:
    site = built[1]
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        seen = watch(page, base)
        for path in pages:
            page.goto(base + path)
            page.mouse.move(200, 300)
            injected = page.evaluate(_INJECTED)
            assert injected == {"handlers": [], "images": 0, "scripts": 0, "links": 0}, path
        page.goto(base + "products/claims-portal.html")
        assert page.locator("h1").first.inner_text() == PAYLOAD  # shown, as text
        assert page.title().startswith(PAYLOAD)
        assert page.locator(".pac-meta .pac-tag").all_inner_texts() == LIST
        page.goto(base + "roadmap.html")
        themes = page.locator(".pac-roadmap-team li").all_inner_texts()
        assert len(themes) >= 4 and set(themes) == set(LIST)
        assert page.locator("#pac-roadmap-teams td a").first.inner_text() == PAYLOAD
        assert page.locator("#pac-roadmap-priorities td").nth(1).inner_text() == PAYLOAD
        page.goto(base + "index.html")
        page.locator("input.md-search__input").click()
        page.keyboard.type("autofocus", delay=20)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert page.evaluate(_INJECTED)["handlers"] == []
    assert seen.dialogs == []
    assert seen.foreign == []
    assert seen.errors == [], "a hostile value broke a script"


def test_every_control_works_with_hostile_values(built: tuple[Path, Path]) -> None:
    site = built[1]
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        seen = watch(page, base)
        done = check_controls(page, base, site)
    assert {"capability", "tag", "level"} <= set(done["filters"])
    assert done["columns"] > 10 and done["modes"] == 3
    assert seen.errors == [] and seen.dialogs == []

