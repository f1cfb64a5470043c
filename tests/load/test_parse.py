"""Files -> entities and findings: every bad file is a finding at its place, with what to
do; the rest of the portfolio is still read."""

from __future__ import annotations

from pac.load.files import SourceFile
from pac.load.parse import ParseCache, from_loaded, load
from pac.paths import LINK

PRODUCT = "name: {name}\nowner: team-a\nkind: service\nlifecycle: {{stage: live}}\n"


def _file(path: str, content: str | bytes) -> SourceFile:
    data = content.encode() if isinstance(content, str) else content
    return SourceFile(path, len(data), data)


def _product(stem: str, declared: str | None = None, extra: str = "") -> SourceFile:
    text = (f"id: {declared}\n" if declared else "") + PRODUCT.format(name=stem.upper()) + extra
    return _file(f"products/{stem}.yaml", text)


def _findings(*files: SourceFile) -> list[tuple[str, int, int, str, str, str, str]]:
    loaded = load([_file("portfolio.yaml", "name: Northwind\n"), *files], prefix="portfolio/")
    return [(f.file, f.line, f.column, f.rule, f.entity, f.message, f.hint)
            for f in loaded.findings]


def test_a_good_portfolio_loads_without_findings() -> None:
    loaded = load([_file("portfolio.yaml", "name: Northwind\n"), _product("a", "a"),
                   _file("teams/team-a.yaml", "id: team-a\nname: Team A\n")],
                  prefix="portfolio/")
    assert loaded.findings == []
    assert loaded.file_count == 3
    assert loaded.files == {("portfolio", "portfolio"): "portfolio/portfolio.yaml",
                            ("product", "a"): "portfolio/products/a.yaml",
                            ("team", "team-a"): "portfolio/teams/team-a.yaml"}
    portfolio = from_loaded(loaded)
    assert (portfolio.settings.name, sorted(portfolio.products), sorted(portfolio.teams)) == (
        "Northwind", ["a"], ["team-a"])
    assert portfolio.products["a"].name == "A"
    assert loaded.texts["portfolio/teams/team-a.yaml"] == "id: team-a\nname: Team A\n"


def test_a_file_pac_does_not_expect_is_a_finding_but_extensions_are_not() -> None:
    assert _findings(_file("notes.yaml", "x: 1\n"),
                     _file("extensions/product.yaml", "x: 1\n")) == [
        ("portfolio/notes.yaml", 1, 1, "unexpected-file", "", "pac does not read this file",
         "move it into products/, teams/, capabilities/, objectives/ or funding/, or rename it "
         "if it is not part of the portfolio")]


def test_a_file_that_cannot_be_read_is_a_finding() -> None:
    assert _findings(SourceFile("products/ghost.yaml", 0, None, LINK),
                     SourceFile("teams/huge.yaml", 2_000_000, None)) == [
        ("portfolio/products/ghost.yaml", 1, 1, "yaml-syntax", "product:ghost",
         "the file cannot be read: it is a symbolic link, which pac does not follow",
         "replace it with a regular file that pac can read"),
        ("portfolio/teams/huge.yaml", 1, 1, "yaml-syntax", "team:huge",
         "file is 2,000,000 bytes, over the limit of 1,048,576",
         "one entity per file is never this large: split it"),
    ]


def test_an_empty_file_and_a_file_that_is_not_a_mapping_are_findings() -> None:
    assert _findings(_file("products/empty.yaml", "# nothing yet\n"),
                     _file("products/list.yaml", "- a\n- b\n")) == [
        ("portfolio/products/empty.yaml", 1, 1, "yaml-syntax", "product:empty",
         "the file is empty", "write the entity's fields, at least id and name"),
        ("portfolio/products/list.yaml", 1, 1, "schema", "product:list",
         "the file must be a mapping of field: value",
         "start each line with a field name, such as 'name: ...'"),
    ]


def test_bytes_that_are_not_utf8_are_found_by_line_and_character() -> None:
    assert _findings(_file("products/latin1.yaml", b"id: latin1\nname: caf\xc3\xa9 \xff\n"),
                     _file("teams/bom.yaml", b"\xef\xbb\xbfid: bom\n\xfename: x\n")) == [
        ("portfolio/products/latin1.yaml", 2, 12, "yaml-syntax", "product:latin1",
         "invalid UTF-8: byte 0xff cannot be read", "save the file as UTF-8"),
        ("portfolio/teams/bom.yaml", 2, 1, "yaml-syntax", "team:bom",
         "invalid UTF-8: byte 0xfe cannot be read", "save the file as UTF-8"),
    ]


def test_a_yaml_problem_is_a_finding_where_it_is() -> None:
    assert _findings(_file("teams/team-a.yaml", "id: team-a\nname: A\nname: B\n")) == [
        ("portfolio/teams/team-a.yaml", 3, 1, "duplicate-key", "team:team-a",
         "duplicate key 'name' (first on line 2, again on line 3)",
         "keep one of them: YAML tools disagree on which one wins")]


def test_an_id_that_is_not_the_file_name_and_an_id_used_twice() -> None:
    loaded = load([_file("portfolio.yaml", "name: N\n"), _product("a", "b"), _product("b", "b")],
                  prefix="portfolio/")
    assert [(f.file, f.rule, f.entity, f.loc, f.message, f.hint) for f in loaded.findings] == [
        ("portfolio/products/a.yaml", "id-mismatch", "product:b", ("id",),
         "id 'b' does not match the file name 'a'", "rename the file to b.yaml or set id: a"),
        ("portfolio/products/b.yaml", "duplicate-id", "product:b", ("id",),
         "product id 'b' is already used by portfolio/products/a.yaml",
         "give each entity its own id"),
    ]
    # the first file keeps the id
    assert loaded.files[("product", "b")] == "portfolio/products/a.yaml"
    assert from_loaded(loaded).products["b"].name == "A"


def test_a_funding_file_is_named_after_its_period() -> None:
    text = "period: FY2028\nstart: 2027-01-01\nend: 2027-12-31\nenvelope: 5\n"
    loaded = load([_file("funding/FY2027.yaml", text)], prefix="")
    assert [(f.file, f.rule, f.entity, f.message, f.hint) for f in loaded.findings] == [
        ("funding/FY2027.yaml", "id-mismatch", "funding:FY2028",
         "period 'FY2028' does not match the file name 'FY2027'",
         "rename the file to FY2028.yaml or set period: FY2027")]
    assert sorted(from_loaded(loaded).funding) == ["FY2028"]


def test_an_entity_with_a_bad_optional_field_is_kept_without_it() -> None:
    loaded = load([_product("a", "a", "tags: 5\ndepends_on: [b]\n")], prefix="")
    assert [(f.rule, f.loc, f.message) for f in loaded.findings] == [
        ("schema", ("tags",), "tags must be a list, not the number 5")]
    product = from_loaded(loaded).products["a"]
    assert (product.tags, product.depends_on) == ([], ["b"])  # the rules still see its links


def test_an_entity_without_a_required_field_is_known_but_not_loaded() -> None:
    loaded = load([_file("products/a.yaml", "id: a\nowner: team-a\n")], prefix="")
    assert [(f.loc, f.at_key, f.message, f.hint) for f in loaded.findings] == [
        ((), True, "missing required field 'name'", "add name: the name people know it by"),
        ((), True, "missing required field 'kind'",
         "add kind: application | platform | service | data | infrastructure, or the kinds "
         "in portfolio.yaml"),
        ((), True, "missing required field 'lifecycle'", "add lifecycle: the stage of its life"),
    ]
    assert loaded.entities["product"] == {}
    assert loaded.known["product"] == {"a"}  # a reference to it is not a dangling one


def test_files_that_could_not_be_parsed_are_still_known_by_their_name() -> None:
    loaded = load([SourceFile("products/ghost.yaml", 0, None, LINK),
                   _file("teams/empty.yaml", "")], prefix="")
    assert loaded.known["product"] == {"ghost"}
    assert loaded.known["team"] == {"empty"}


def test_without_portfolio_yaml_the_fallback_settings_are_used() -> None:
    portfolio = from_loaded(load([_product("a", "a")], prefix=""))
    assert (portfolio.settings.name, portfolio.settings.currency) == (
        "(portfolio.yaml could not be read)", "USD")


def test_invalid_settings_are_findings_and_the_fallback_is_used() -> None:
    loaded = load([_file("portfolio.yaml", "name: N\ncurrency: usd\n")], prefix="portfolio/")
    assert [(f.file, f.entity, f.loc, f.message) for f in loaded.findings] == [
        ("portfolio/portfolio.yaml", "portfolio", ("currency",),
         "currency: 'usd' is not in the expected form")]
    assert from_loaded(loaded).settings.name == "(portfolio.yaml could not be read)"


def test_a_parse_cache_parses_only_the_files_whose_bytes_changed() -> None:
    cache = ParseCache()
    files = [_file("portfolio.yaml", "name: Northwind\n"), _product("a", "a"),
             _product("b", "b", extra="tags: [x\n"),
             _file("teams/team-a.yaml", "id: team-a\nname: Team A\n")]
    first = load(files, prefix="portfolio/", cache=cache)
    assert cache.parsed_last == 4
    again = load(files, prefix="portfolio/", cache=cache)
    assert cache.parsed_last == 0
    changed = [*files[:3], _file("teams/team-a.yaml", "id: team-a\nname: Team Alpha\n")]
    third = load(changed, prefix="portfolio/", cache=cache)
    assert cache.parsed_last == 1
    fresh = load(changed, prefix="portfolio/")  # the same as without a cache
    for cached, uncached in [(first, load(files, prefix="portfolio/")), (again, first),
                             (third, fresh)]:
        assert cached.findings == uncached.findings != []  # b's YAML problem, each time
        assert cached.entities == uncached.entities
        assert cached.texts == uncached.texts
    assert from_loaded(third).teams["team-a"].name == "Team Alpha"
    load(files[:1], prefix="portfolio/", cache=cache)  # only the last run's files are kept
    load(changed, prefix="portfolio/", cache=cache)
    assert cache.parsed_last == 3
