"""Every portfolio string is data, never markup: proven in a real browser."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from browser import chromium, serve, watch
from click.testing import CliRunner

from pac.cli import cli

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
PAYLOADS = [SCRIPT, IMG, '"><svg onload=alert(1)>', "{{ 7*7 }}", "{% raw %}x", "../../etc",
            "[click](javascript:alert(1))", "' onmouseover='alert(1)", "</textarea><script>"
            "alert(1)</script>", "*bold* {: onclick=alert(1) }"]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_hostile(portfolio: Path) -> None:
    """A valid portfolio whose every free-text field carries a payload."""
    p = [_quote(x) for x in PAYLOADS]
    (portfolio / "products" / "evil.yaml").write_text(f"""\
id: evil
name: {_quote(SCRIPT)}
summary: {_quote(IMG)}
description: |
  Some *markdown* and [a bad link](javascript:alert(1)) and <script>alert(1)</script>
  and <img src=x onerror=alert(1)> and [a good link](https://example.com) {{{{ 7*7 }}}}.

  <iframe src="javascript:alert(1)"></iframe>
kind: application
lifecycle: {{stage: live, since: 2024-01-01}}
owner: team-evil
product_manager: {p[2]}
customers:
  - segment: {p[3]}
    type: external
capabilities: [claims-management]
depends_on: [claims-portal]
value: {{annual_estimate: 10, basis: {p[4]}}}
kpis:
  - name: {p[5]}
    unit: {p[2]}
    target: 1
    actual: 2
roadmap:
  - quarter: 2027-Q1
    themes: [{p[6]}, {p[7]}]
technology:
  - name: {p[8]}
    version: {p[9]}
stakeholders:
  - name: {p[1]}
    role: {p[0]}
links:
  {_quote('"><script>alert(1)</script>')}: https://example.com/?q=<script>alert(1)</script>
tags: [{p[0]}, {p[2]}]
""")
    (portfolio / "teams" / "team-evil.yaml").write_text(f"""\
id: team-evil
name: {_quote(IMG)}
type: platform
contact: {{chat: {p[0]}, email: "x@example.com"}}
members:
  - name: {p[0]}
    role: {p[2]}
    skills: [engineering]
""")
    (portfolio / "capabilities" / "evil-capability.yaml").write_text(
        f"id: evil-capability\nname: {p[1]}\ndescription: {p[0]}\nparent: claims-and-risk\n")
    (portfolio / "objectives" / "evil-objective.yaml").write_text(
        f"id: evil-objective\nname: {p[0]}\nsponsor: {p[2]}\nkey_results:\n"
        f"  - name: {p[1]}\n    target: 1\n")
    settings = portfolio / "portfolio.yaml"
    settings.write_text(settings.read_text().replace("name: Northwind Mutual",
                                                     f"name: {_quote(SCRIPT)}")
                        # level names reach badges, filters, links and the health page
                        + f"scorecard:\n  levels:\n    - name: {p[1]}\n"
                        "      checks: [has-summary]\n"
                        f"    - name: {p[2]}\n      checks: [owner-has-members]\n"
                        # a name that starts like a JSON list, which the filter must not parse
                        f"    - name: {p[6]}\n      checks: [has-summary]\n")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from conftest import REFERENCE

    root = tmp_path_factory.mktemp("hostile")
    portfolio = root / "portfolio"
    shutil.copytree(REFERENCE, portfolio)
    write_hostile(portfolio)
    out = root / "site"
    result = CliRunner().invoke(cli, ["build", str(portfolio), "--out", str(out), "--today",
                                      "2026-11-22"], env={"SOURCE_DATE_EPOCH": "1795000000"})
    assert result.exit_code == 0, result.output
    return out


def test_no_payload_runs_in_the_browser(hostile_site: Path) -> None:
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    assert "products/evil.html" in pages
    with serve(hostile_site) as base, chromium() as browser:
        page = browser.new_page()
        seen = watch(page, base)
        page.add_init_script("window.__ran = false; window.alert = () => { window.__ran = true; }")
        for path in pages:
            page.goto(base + path)
            page.wait_for_load_state("load")
            page.mouse.move(200, 300)
            assert page.evaluate("window.__ran") is False, path
            assert page.locator("iframe").count() == 0, path
        page.goto(base + "products/evil.html")
        assert page.locator("h1").first.inner_text() == SCRIPT
        assert page.title().startswith(SCRIPT)
        assert page.locator(".pac-summary").inner_text() == IMG
        assert page.locator("a[href^='javascript']").count() == 0
        assert page.locator(".pac-description a[href='https://example.com']").count() == 1
        assert "{{ 7*7 }}" in page.content() and ">49<" not in page.content()
        assert page.locator(".pac-meta .pac-level").inner_text() == PAYLOADS[6]
        for level in (PAYLOADS[6], PAYLOADS[2]):  # the level reached, and one below it
            page.goto(base + f"products/index.html#level={quote(level)}")
            page.reload()
            shown = 2 if level == PAYLOADS[6] else 0
            assert page.locator("#pac-products tbody tr:not([hidden])").count() == shown
        assert page.evaluate("window.__ran") is False
        page.goto(base + "index.html")
        page.locator("input.md-search__input").click()
        page.keyboard.type("alert")
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__ran") is False
    assert seen.dialogs == []
    assert seen.foreign == []
    assert seen.errors == [], "a hostile value broke a script"


def test_markup_is_escaped_in_the_html(hostile_site: Path) -> None:
    product = (hostile_site / "products" / "evil.html").read_text()
    assert SCRIPT not in product
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in product
    assert "onerror=alert(1)>" not in product
    assert "javascript:alert" not in product.replace("javascript:alert(1))", "")
