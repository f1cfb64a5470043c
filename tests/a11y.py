"""Accessibility checks inside the browser, for the site tests: axe-core (bundled by
axe-playwright-python, no network) and WCAG contrast worked out from computed styles."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

BLOCKING = ("serious", "critical")
# Material applies a colour scheme through this attribute of <body> alone: "default" is its
# light scheme, "slate" its dark one, which a site's mkdocs.yml may turn on.
SCHEMES = ("default", "slate")

_AXE = Axe()


def axe_violations(page: Any, *, context: Any = None) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page as it is now."""
    found = _AXE.run(page, context=context).response["violations"]
    return [v for v in found if v["impact"] in BLOCKING]


def axe_judged(page: Any, context: str, rule: str) -> dict[str, int]:
    """How many elements inside `context` one rule passed, failed or could not decide."""
    results = _AXE.run(page, context=context, options={"runOnly": [rule]}).response
    return {kind: sum(len(r["nodes"]) for r in results[kind])
            for kind in ("passes", "violations", "incomplete")}


def describe(violations: list[dict[str, Any]]) -> str:
    """Each violation's id, impact and help, then each element's target and what to fix."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: "
                         + " | ".join(node["failureSummary"].splitlines()[1:]).strip())
    return "\n".join(lines)


def set_scheme(page: Any, scheme: str) -> None:
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    settle(page)


def settle(page: Any) -> None:
    """Wait for the page's transitions (Material fades a link's colour, a button's
    background) to end: a colour half-way is not one a reader is left with."""
    page.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")


# Colours as computed styles give them, blended through every translucent layer down to the
# page, and WCAG's relative luminance and contrast ratio: shared by the checks below.
_COLOURS = r"""
  const parse = text => {
    const m = /^rgba?\(([^)]*)\)$/.exec(text);
    if (!m) throw new Error("a colour this test cannot read: " + text);
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => {
    const a = top[3] + under[3] * (1 - top[3]);
    return [0, 1, 2].map(i => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a)
      .concat([a]);
  };
  const background = element => {
    const layers = [];
    for (let e = element; e; e = e.parentElement) {
      const colour = parse(getComputedStyle(e).backgroundColor);
      layers.push(colour);
      if (colour[3] === 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  };
  const luminance = colour => {
    const [r, g, b] = colour.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const hex = c => "#" + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, "0"))
    .join("");
  const ratio = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return Math.round((light + 0.05) / (dark + 0.05) * 100) / 100;
  };
"""


# Every badge and tile that a colour rule of pac.css styles (read from the style sheet the
# page loaded, so a new rule is covered as soon as it is written), and the elements `extra`
# selects; for each visible text in or under them, its colour over its background, both
# blended through every translucent layer down to the page. The threshold is WCAG AA's:
# 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
_CONTRAST = r"""extra => {""" + _COLOURS + r"""
  const sheet = Array.from(document.styleSheets).find(s => /pac\.css$/.test(s.href || ""));
  const family = new RegExp(String.raw`\.pac-(badge|tile|covered|gap)\b|` +
    String.raw`\.pac-(stage|kpi|support|sev|level|heat|fund|risk|theme)-\w`);
  const coloured = Array.from(sheet.cssRules).filter(rule => rule.style &&
      (rule.style.color || rule.style.backgroundColor) && family.test(rule.selectorText))
    .map(rule => rule.selectorText.replace(/::?(after|before)\b/g, ""));
  const roots = document.querySelectorAll([...coloured, ...extra].join(", "));
  const texts = new Set();
  roots.forEach(root => [root, ...root.querySelectorAll("*")].forEach(e => {
    const own = Array.from(e.childNodes).some(n => n.nodeType === 3 && n.data.trim());
    if (own && !(e instanceof SVGElement) && e.checkVisibility()) texts.add(e);
  }));
  return Array.from(texts, e => {
    const style = getComputedStyle(e);
    const bg = background(e);
    const fg = over(parse(style.color), bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight) >= 700);
    const where = e.closest("[class]");
    return {element: e.tagName.toLowerCase(), classes: where ? Array.from(where.classList) : [],
            text: e.textContent.trim().slice(0, 40), fg: hex(fg), bg: hex(bg),
            ratio: ratio(fg, bg), needed: large ? 3 : 4.5};
  });
}"""


# Every chart colour class of pac.css (.pac-series-N, read from the style sheet the page
# loaded, so a new one is covered as soon as it is written) as a swatch, and every line,
# band and dot a chart on the page draws: each colour against the background it stands on.
# A mark of a chart is a graphical object: WCAG AA asks 3:1 for it (1.4.11, non-text).
_MARKS = r"""() => {""" + _COLOURS + r"""
  const sheet = Array.from(document.styleSheets).find(s => /pac\.css$/.test(s.href || ""));
  const names = new Set();
  Array.from(sheet.cssRules).forEach(rule => {
    for (const m of (rule.selectorText || "").matchAll(/\.(pac-series-\d+)(?![\w-])/g)) {
      names.add(m[1]);
    }
  });
  const content = document.querySelector("article") || document.body;
  const swatches = document.createElement("p");
  content.append(swatches);
  const marks = Array.from(names).sort().map(name => {
    const swatch = document.createElement("span");
    swatch.className = name;
    swatches.append(swatch);
    return [name, getComputedStyle(swatch).color, swatch];
  });
  document.querySelectorAll(".pac-plot :is(.pac-line, .pac-area, .pac-point)").forEach(e => {
    const style = getComputedStyle(e);
    const paint = e.classList.contains("pac-line") ? style.stroke : style.fill;
    marks.push([Array.from(e.classList).join("."), paint, e]);
  });
  const found = marks.map(([mark, paint, e]) => {
    const bg = background(e);
    const colour = over(parse(paint), bg);
    return {mark, colour: hex(colour), bg: hex(bg), ratio: ratio(colour, bg)};
  });
  swatches.remove();
  return {classes: Array.from(names).sort(), marks: found};
}"""


def mark_contrasts(page: Any) -> dict[str, Any]:
    """The chart colour classes of pac.css, and the contrast of each one's swatch and of
    every mark the page's charts draw (`mark` names its classes, dot-separated)."""
    return dict(page.evaluate(_MARKS))


def contrasts(page: Any, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The contrast of every visible text that pac.css colours (and of `extra`)."""
    return list(page.evaluate(_CONTRAST, list(extra)))


def too_faint(page: Any, extra: tuple[str, ...] = ()) -> list[str]:
    """Each text under WCAG AA's threshold, as a line that says where and by how much."""
    return [faint(c) for c in contrasts(page, extra) if c["ratio"] < c["needed"]]


def faint(c: dict[str, Any]) -> str:
    where = f"{c['element']} in .{'.'.join(c['classes'])}"
    return f"{where} {c['text']!r}: {c['fg']} on {c['bg']} is {c['ratio']}:1, under {c['needed']}:1"


# One sample of each colour class of pac.css's badge and tile families: a badge of its own,
# and a copy of the page's first leaf tile with that family's class swapped for it (its
# other families' classes kept, so that the tile is coloured in every mode, as pac's are).
_SWATCHES = r"""() => {
  const sheet = Array.from(document.styleSheets).find(s => /pac\.css$/.test(s.href || ""));
  const pattern = new RegExp(String.raw`\.(pac-(?:heat|fund|risk|level)-\d+|` +
    String.raw`pac-(?:stage|kpi|support|sev)-[\w-]+|pac-covered|pac-gap)(?![\w-])`, "g");
  const names = new Set();
  Array.from(sheet.cssRules).forEach(rule => {
    for (const m of (rule.selectorText || "").matchAll(pattern)) names.add(m[1]);
  });
  const content = document.querySelector("article") || document.body;
  const badges = document.createElement("p");
  const tile = document.querySelector(".pac-tiles .pac-tile");
  const tiles = tile && tile.parentElement;
  names.forEach(name => {
    const badge = document.createElement("span");
    badge.className = "pac-badge " + name;
    badge.textContent = name;
    badges.append(badge, " ");
    const family = name.replace(/[^-]+$/, "");
    if (tile && /^pac-(heat|fund|risk)-/.test(name)) {
      const copy = tile.cloneNode(true);
      copy.classList.remove(...Array.from(copy.classList).filter(c => c.startsWith(family)));
      copy.classList.add(name);
      copy.querySelector(".pac-tile-name").textContent = name;
      tiles.append(copy);
    }
  });
  content.append(badges);
  return Array.from(names).sort();
}"""


def add_swatches(page: Any) -> list[str]:
    """Add the swatches to the page; the colour classes they show."""
    return list(page.evaluate(_SWATCHES))
