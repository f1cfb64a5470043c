"""Catalogue -> Markdown pages (front matter plus escaped HTML), rendered with Jinja2."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

import jinja2
from markupsafe import Markup

from pac.catalogue.compiled import Compiled
from pac.catalogue.context import (
    Catalogue,
    current_figures,
    entity_history,
    in_name_order,
    name_order,
)
from pac.catalogue.escaping import html_environment
from pac.catalogue.figures import (
    capability_heatmap,
    finding_counts,
    health_figures,
    heat_level,
    risk_figures,
    severities,
)
from pac.catalogue.numbers import number
from pac.catalogue.project import GUIDE
from pac.catalogue.roadmap import roadmap_figures, roadmap_quarters, team_plan
from pac.catalogue.sanitize import markdown_to_safe_html, printable
from pac.catalogue.trends import OUTCOME_LABELS, days, say_do, stage_stays, trends_figures
from pac.figures.funding import (
    PeriodFigures,
    Split,
    is_live,
    key_result_status,
    kpi_status,
    support_status,
)
from pac.figures.report import build_report
from pac.figures.roadmap import as_theme
from pac.figures.scorecard import CHECKS, level_counts, level_names
from pac.model import FOLDER_OF, STAGES, Funding
from pac.model.settings import NO_LEVEL
from pac.money import compact_money, format_money
from pac.plural import plural
from pac.render.shared import field_words, note_text
from pac.rules import RULES
from pac.rules.products import MAX_THEMES

Progress = Callable[[int], None]
LARGE_PORTFOLIO = 500
HOME_TEAMS = 12  # more teams than this are counted on the home page, and listed on their index
CHANGELOG_PAGE = 500  # entries on the change-log page; pac changelog lists them all
ENTITY_KINDS = ("product", "team", "capability", "objective", "funding")  # their pages' order


@dataclass(frozen=True)
class Page:
    """A generated page: its path inside docs/ and its Markdown text."""

    path: str
    text: str


_COMPILED = Compiled()  # pac serve renders pages on every save


def _environment(cat: Catalogue) -> jinja2.Environment:
    env = html_environment(
        jinja2.PackageLoader("pac.catalogue", "templates"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=printable,
        bytecode_cache=_COMPILED,
    )
    currency = cat.portfolio.settings.currency
    env.filters.update(
        money=lambda amount: _one_line(format_money(amount, currency)),
        compact_money=lambda amount: _one_line(compact_money(amount, currency)),
        number=number,
        days=days,
        say_do=say_do,
        search_boost=search_boost,
        plural=plural,
        unit=lambda unit: "" if not unit else (unit if unit == "%" else f" {unit}"),
        kpi_status=kpi_status,
        theme=as_theme,
        key_result_status=lambda result, objective: key_result_status(
            result, cat.portfolio.funding.get(objective.period or ""), cat.today
        ),
        support_status=lambda tech: support_status(tech, cat.today),
        bar_total=lambda row: row[2] + row[3],
        change_words=field_words,
        note_text=note_text,
        groupby_month=lambda entries: [
            (month, list(group))
            for month, group in groupby(entries, key=lambda e: e.date.strftime("%B %Y"))
        ],
    )
    p = cat.portfolio
    env.globals.update(
        FOLDER_OF=FOLDER_OF,
        names={
            "product": {k: v.name for k, v in p.products.items()},
            "team": {k: v.name for k, v in p.teams.items()},
            "capability": {k: v.name for k, v in p.capabilities.items()},
            "objective": {k: v.name for k, v in p.objectives.items()},
            "funding": {k: k for k in p.funding},
        },
        settings=p.settings,
        current_period=p.settings.current_period,
        # listings of thousands of rows would swell the search index (and Zensical refuses
        # pages with that much search text); the entity pages stay searchable
        large=len(p.products) > LARGE_PORTFOLIO,
        repository=cat.repository,
        # the git host's editor: a file's edit page, a folder's new-file page (GitHub's form)
        edit_base=cat.edit_base,
        add_url={
            kind: f"{cat.new_base}{cat.prefix}{folder}/" if cat.new_base else ""
            for kind, folder in FOLDER_OF.items()
        },
        settings_url=cat.edit_base + p.settings_file if cat.edit_base else "",
        settings_file=p.settings_file,
        has_history=cat.changelog is not None,
        scorecard=p.settings.scorecard,
        level_rank={
            NO_LEVEL: 0,
            **{name: i + 1 for i, name in enumerate(level_names(p.settings.scorecard))},
        },
        checks=CHECKS,
        scores=cat.scores,
        max_themes=MAX_THEMES,
    )
    return env


_SEARCH_WORDS = re.compile(r"[^\s\-]+")  # what Material's search counts as words


def search_boost(title: str) -> str:
    """How much Material's search should favour an entity's page, from its title: the shorter the
    title, the more (1 + 1/words). Its search scores a word in a long title as highly as in
    a short one, so a team named "Checkout and Payments Team", whose page mentions checkout
    often, came above the product named "Checkout"; a page matching the same words now ranks
    above one whose title has more words besides them."""
    return f"{1 + 1 / max(1, len(_SEARCH_WORDS.findall(title))):.3f}"


def _one_line(amount: str) -> str:
    """An amount whose number and currency never part at the end of a line."""
    return amount.replace(" ", "\u00a0")


def render_pages(cat: Catalogue, *, progress: Progress | None = None) -> Iterator[Page]:
    """Every generated page, in a fixed order; `progress` hears of each entity page."""
    env = _environment(cat)
    renderer = _Renderer(cat, env, progress or (lambda _n: None))
    yield from renderer.indexes()
    yield from renderer.entities()


def render_entity_pages(cat: Catalogue, entities: Iterable[tuple[str, str]]) -> Iterator[Page]:
    """The pages of these entities, `(kind, id)`, in the order given, as `render_pages`
    renders them; an entity the portfolio does not hold has none."""
    renderer = _Renderer(cat, _environment(cat), lambda _n: None)
    for kind, entity_id in entities:
        if entity_id in cat.portfolio.of_kind(kind):
            yield renderer.entity(kind, entity_id)


class _Renderer:
    def __init__(self, cat: Catalogue, env: jinja2.Environment, progress: Progress) -> None:
        self.cat = cat
        self.env = env
        self.progress = progress
        self.templates = {
            name: env.get_template(f"{name}.md.j2")
            for name in (
                "home",
                "products",
                "product",
                "teams",
                "team",
                "capabilities",
                "capability",
                "objectives",
                "objective",
                "roadmap",
                "trends",
                "funding_index",
                "funding",
                "health",
                "findings",
                "changelog",
                "how_to_propose",
            )
        }
        macros: Any = env.get_template("_macros.j2").module
        self.bars, self.envelope = macros.bars, macros.envelope
        self.diagram = env.get_template("dependencies.svg.j2")

    def render(self, name: str, path: str, **context: Any) -> Page:
        root = "../" * path.count("/")
        entity_page = name in FOLDER_OF  # a product's, team's...: search favours its name
        return Page(
            path, self.templates[name].render(root=root, entity_page=entity_page, **context)
        )

    def edit_url(self, kind: str, entity_id: str) -> str:
        if not self.cat.edit_base:
            return ""
        return self.cat.edit_base + self.cat.portfolio.file_of(kind, entity_id)

    def indexes(self) -> Iterator[Page]:
        cat, p = self.cat, self.cat.portfolio
        current = current_figures(self.cat)
        products = in_name_order(p, "product")
        yield self.render("home", "index.md", **self._home(current))
        yield self.render(
            "products",
            "products/index.md",
            products=products,
            filters=self._filters(),
            names_for_filter=self._filter_names(),
            stage_order={s: i for i, s in enumerate(STAGES)},
            current_funding={
                k: v.total for k, v in (current.by_product if current else {}).items()
            },
        )
        yield self.render(
            "teams",
            "teams/index.md",
            teams=in_name_order(p, "team"),
            owned=cat.owned,
            team_funding={k: v.total for k, v in (current.by_team if current else {}).items()},
        )
        yield self.render(
            "capabilities", "capabilities/index.md", **_fields(capability_heatmap(cat))
        )
        yield self.render(
            "objectives",
            "objectives/index.md",
            objectives=in_name_order(p, "objective"),
            by_objective=cat.by_objective,
        )
        yield self.render("roadmap", "roadmap.md", **_fields(roadmap_figures(cat)))
        yield self.render(
            "trends",
            "trends.md",
            rules=RULES,
            outcomes=list(OUTCOME_LABELS),
            outcome_labels=list(OUTCOME_LABELS.values()),
            **_fields(trends_figures(cat)),
        )
        yield self.render(
            "funding_index",
            "funding/index.md",
            periods=cat.periods,
            risk=risk_figures(cat, current) if current else None,
        )
        yield self.render("health", "health.md", rules=RULES, **_fields(health_figures(cat)))
        yield self.render("findings", "findings.md", rules=RULES, **_fields(finding_counts(cat)))
        log = self.cat.changelog
        yield self.render(
            "changelog", "changelog.md", log=log, shown=log.entries[:CHANGELOG_PAGE] if log else []
        )
        yield self.render("how_to_propose", GUIDE)

    def _home(self, current: PeriodFigures | None) -> dict[str, Any]:
        p = self.cat.portfolio
        stages: Counter[str] = Counter(prod.lifecycle.stage for prod in p.products.values())
        return {
            "counts": {
                "products": len(p.products),
                "teams": len(p.teams),
                "capabilities": len(p.capabilities),
                "objectives": len(p.objectives),
            },
            "severities": severities(self.cat),
            "as_of": self.cat.today.isoformat(),
            "stages": STAGES,
            "by_stage": {s: stages.get(s, 0) for s in STAGES},
            "current": current,
            "risk": risk_figures(self.cat, current) if current else None,
            "envelope_chart": self._envelope_chart(current) if current else "",
            "teams": in_name_order(p, "team"),
            "home_teams": HOME_TEAMS,
            "team_types": sorted(
                Counter(t.type or "untyped" for t in p.teams.values()).items(),
                key=lambda item: (-item[1], item[0]),
            ),
            "latest": self.cat.changelog.entries[:5] if self.cat.changelog else [],
            "owned": self.cat.owned,
            "level_counts": level_counts(self.cat.portfolio.settings.scorecard, self.cat.scores),
        }

    def _filters(self) -> list[tuple[str, str, list[str]]]:
        pf = self.cat.portfolio
        products = pf.products.values()
        return [
            (
                "stage",
                "Stage",
                [s for s in STAGES if any(p.lifecycle.stage == s for p in products)],
            ),
            ("kind", "Kind", sorted({p.kind for p in products})),
            ("owner", "Owner", sorted({p.owner for p in products}, key=name_order(pf, "team"))),
            (
                "capability",
                "Capability",
                sorted(
                    {c for p in products for c in p.capabilities},
                    key=name_order(pf, "capability"),
                ),
            ),
            ("tag", "Tag", sorted({t for p in products for t in p.tags})),
            ("level", "Level", [*level_names(self.cat.portfolio.settings.scorecard), NO_LEVEL]),
        ]

    def _filter_names(self) -> dict[str, dict[str, str]]:
        p = self.cat.portfolio
        return {
            "stage": {},
            "kind": {},
            "tag": {},
            "level": {NO_LEVEL: "no level"},
            "owner": {k: v.name for k, v in p.teams.items()},
            "capability": {k: v.name for k, v in p.capabilities.items()},
        }

    def _envelope_chart(self, figures: PeriodFigures) -> Markup:
        allocated = figures.allocated
        return Markup(self.envelope(allocated.run, allocated.change, figures.envelope))

    def entities(self) -> Iterator[Page]:
        done = 0
        for kind in ENTITY_KINDS:
            for entity_id in sorted(self.cat.portfolio.of_kind(kind)):
                yield self.entity(kind, entity_id)
                done += 1
                self.progress(done)

    def entity(self, kind: str, entity_id: str) -> Page:
        render = {
            "product": self._product,
            "team": self._team,
            "capability": self._capability,
            "objective": self._objective,
            "funding": self._funding,
        }[kind]
        return render(entity_id)

    def _common(
        self, kind: str, entity_id: str, previous: list[str] | None = None
    ) -> dict[str, Any]:
        return {
            "edit_url": self.edit_url(kind, entity_id),
            "file": self.cat.portfolio.file_of(kind, entity_id),
            "findings": self.cat.findings_by_entity.get(f"{kind}:{entity_id}", []),
            "history": entity_history(self.cat, kind, entity_id, previous or []),
        }

    def _product(self, pid: str) -> Page:
        cat, product = self.cat, self.cat.portfolio.products[pid]
        dependents = cat.dependents.get(pid, [])
        description = (
            Markup(markdown_to_safe_html(product.description)) if product.description else ""
        )
        return self.render(
            "product",
            f"products/{pid}.md",
            p=product,
            dependents=dependents,
            description=description,
            funding=cat.funding.get(pid, {}),
            diagram=self._diagram(product.name, dependents, product.depends_on),
            stays=stage_stays(cat, pid),
            **self._common("product", pid, list(product.previous_ids)),
        )

    def _diagram(self, center: str, left: list[str], right: list[str]) -> Markup:
        products = self.cat.portfolio.products

        def nodes(ids: list[str]) -> list[dict[str, str]]:
            return [
                {"label": products[i].name if i in products else i, "href": f"{i}.html"}
                for i in ids
            ]

        return Markup(self.diagram.render(center=center, left=nodes(left), right=nodes(right)))

    def _team(self, tid: str) -> Page:
        cat, team = self.cat, self.cat.portfolio.teams[tid]
        p = cat.portfolio
        required = p.settings.policies.required_skills
        member_skills = {s for member in team.members for s in member.skills}
        skills = [*required, *sorted(member_skills - set(required))]
        funding = {f.period: f.by_team[tid] for f in cat.periods if tid in f.by_team}
        products = [(pid, p.products[pid]) for pid in cat.owned.get(tid, [])]
        quarters = roadmap_quarters(cat.today)
        return self.render(
            "team",
            f"teams/{tid}.md",
            t=team,
            products=products,
            plan=team_plan(cat, tid, quarters),
            quarters=quarters,
            skills=skills,
            required=required,
            covered=member_skills,
            funding=funding,
            **self._common("team", tid),
        )

    def _capability(self, cid: str) -> Page:
        cat, p = self.cat, self.cat.portfolio
        products = [(pid, p.products[pid]) for pid in cat.by_capability.get(cid, [])]
        live = sum(1 for _, prod in products if is_live(prod))
        return self.render(
            "capability",
            f"capabilities/{cid}.md",
            c=p.capabilities[cid],
            products=products,
            children=cat.children.get(cid, []),
            live_count=live,
            heat=heat_level(live),
            **self._common("capability", cid),
        )

    def _objective(self, oid: str) -> Page:
        cat, p = self.cat, self.cat.portfolio
        products = [(pid, p.products[pid]) for pid in cat.by_objective.get(oid, [])]
        return self.render(
            "objective",
            f"objectives/{oid}.md",
            o=p.objectives[oid],
            products=products,
            **self._common("objective", oid),
        )

    def _funding(self, period: str) -> Page:
        """A period's page: `pac report`'s figures for it, so that the two never disagree."""
        p = self.cat.portfolio
        report = build_report(p, period, findings=self.cat.findings)
        figures = report.figures
        funding: Funding = p.funding[period]
        team_rows = _chart_rows(
            figures.by_team, {k: v.name for k, v in p.teams.items()}, "../teams/"
        )
        capability_rows = _chart_rows(
            figures.by_capability,
            {k: v.name for k, v in p.capabilities.items()},
            "../capabilities/",
        )
        return self.render(
            "funding",
            f"funding/{period}.md",
            f=figures,
            r=report,
            period=funding,
            owner_of={k: v.owner for k, v in p.products.items()},
            envelope_chart=self._envelope_chart(figures),
            risk=risk_figures(self.cat, figures),
            as_of=self.cat.today.isoformat(),
            team_chart=Markup(self.bars(team_rows, f"Funding {period} by team")),
            capability_chart=Markup(self.bars(capability_rows, f"Funding {period} by capability")),
            **self._common("funding", period),
        )


def _fields(figures: Any) -> dict[str, Any]:
    """A dataclass of figures as a template's variables, without copying them."""
    return {f.name: getattr(figures, f.name) for f in dataclasses.fields(figures)}


CHART_ROWS = 25


def _chart_rows(
    splits: dict[str, Split], names: dict[str, str], folder: str
) -> list[tuple[str, str | None, Decimal, Decimal]]:
    """The largest rows of a chart, and one row that sums the rest (the tables list all)."""
    items = list(splits.items())
    rows: list[tuple[str, str | None, Decimal, Decimal]] = [
        (names.get(k, k), f"{folder}{k}.html", s.run, s.change) for k, s in items[:CHART_ROWS]
    ]
    rest = items[CHART_ROWS:]
    if rest:
        total = sum((s for _, s in rest), Split())
        rows.append((plural(len(rest), "other"), None, total.run, total.change))
    return rows
