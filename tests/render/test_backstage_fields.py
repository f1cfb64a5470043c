"""Backstage's rules for names, tags and link URLs, and how pac's values are made to pass
them. tests/backstage/ holds Backstage's own validators to the same rules."""

from __future__ import annotations

import pytest

from pac.render.backstage_fields import (
    assign_names,
    digest,
    is_link_url,
    is_name,
    is_tag,
    reference,
    shortened,
    slug,
    tag,
    tags,
)


@pytest.mark.parametrize(("text", "valid"), [
    ("claims-portal", True),
    ("Claims_Portal.v2", True),
    ("a", True),
    ("a" * 63, True),
    ("a" * 64, False),
    ("-claims", False),
    ("claims-", False),
    ("claims portal", False),
    ("", False),
    ("josé", False),
])
def test_names(text: str, valid: bool) -> None:
    assert is_name(text) is valid


@pytest.mark.parametrize(("text", "expected"), [
    ("tier-1", "tier-1"),
    ("Customer Facing", "customer-facing"),
    ("C++", "c++"),
    ("C#", "c#"),
    ("a:b", "a-b"),  # Backstage's current rule allows `:`, its older one does not
    ("--edge--", "edge"),
    ("ünïcode", "unicode"),
    ("日本", ""),
    ("x" * 70, "x" * 63),
    ("a" * 62 + " b", "a" * 62),  # cut at 63, then no hyphen at the end
])
def test_tags_are_made_to_pass(text: str, expected: str) -> None:
    assert tag(text) == expected
    assert expected == "" or is_tag(expected)


def test_tags_keep_their_order_once_each_without_empty_ones() -> None:
    assert tags(["B", "a", "b", "日本", "A"]) == ["b", "a"]


def test_slugs() -> None:
    assert slug("José Núñez") == "jose-nunez"
    assert slug("  O'Brien, Siobhán ") == "o-brien-siobhan"
    assert slug("李雷") == ""


def test_a_long_value_is_shortened_with_its_digest() -> None:
    long = "a-product-whose-id-is-as-long-as-pac-allows-sixty-four-character"
    name = shortened(long)
    assert name == f"a-product-whose-id-is-as-long-as-pac-allows-sixty-four-{digest(long)}"
    assert len(name) == 63 and is_name(name)
    assert len(digest(long)) == 8 and digest(long) != digest(long + "s")
    assert shortened("") == digest("")  # nothing left but the digest, which is a name


def test_names_are_assigned_first_come_first_served() -> None:
    names = assign_names([("a", "ana-lima"), ("b", "ana-lima"), ("c", "x" * 70), ("d", "")])
    assert names["a"] == "ana-lima"
    assert names["b"] == f"ana-lima-{digest('b')}"
    assert names["c"] == f"{'x' * 54}-{digest('c')}"
    assert names["d"] == digest("d")
    assert assign_names([("k", "taken")], taken=["taken"]) == {"k": f"taken-{digest('k')}"}


def test_names_are_distinct_even_when_a_digest_is_taken() -> None:
    clash = f"ana-lima-{digest('b')}"
    names = assign_names([("a", "ana-lima"), ("x", clash), ("b", "ana-lima")])
    assert names["x"] == clash
    assert names["b"] == f"ana-lima-2-{digest('b-2')}"
    assert len(set(names.values())) == 3


def test_references_are_in_the_default_namespace() -> None:
    assert reference("group", "team-claims") == "group:default/team-claims"


@pytest.mark.parametrize(("url", "shown"), [
    ("https://github.com/northwind/claims-portal", True),
    ("http://grafana.internal:3000/d/claims?from=now-1h#panel", True),
    ("https://10.0.0.1/", True),
    ("https://example.com.", True),
    ("mailto:team@example.com", True),
    ("http://example.com:99999/", False),  # a port above 65535
    ("http://example.com:8x/", False),
    ("http://1.2.3.999/", False),  # read as an IPv4 address, which it is not
    ("http://example.0x/", False),  # ends in a number, so read as an IPv4 address
    ("http://1.2.3/", False),  # an IPv4 address the WHATWG way, but left to the annotation
    ("http://[::1]/", False),
    ("https://bücher.example/", False),
    ("https://xn--bcher-kva.example/", False),
    ("http://user@example.com/", False),
    ("http://exa<mple.com/", False),
])
def test_links_backstage_certainly_accepts(url: str, shown: bool) -> None:
    assert is_link_url(url) is shown
