"""Which paths of a portfolio folder pac reads, and what each one holds."""

from __future__ import annotations

import pytest

from pac.load.layout import classify, is_read


@pytest.mark.parametrize(("path", "read"), [
    ("portfolio.yaml", True),
    ("products/claims-portal.yaml", True),
    ("products/claims-portal.yml", True),
    ("teams/nested/team-a.yaml", True),
    ("notes.yaml", True),  # read, and reported as a file pac does not expect
    ("products/claims-portal.json", False),
    ("products/claims-portal.yaml.bak", False),
    ("products/.draft.yaml", False),
    (".github/workflows/ci.yaml", False),
    ("products/.old/a.yaml", False),
    ("products", False),
])
def test_pac_reads_yaml_files_that_are_not_hidden(path: str, read: bool) -> None:
    assert is_read(path) is read


@pytest.mark.parametrize(("path", "kind"), [
    ("portfolio.yaml", ("portfolio", "portfolio")),
    ("portfolio.yml", ("portfolio", "portfolio")),
    ("products/claims-portal.yaml", ("product", "claims-portal")),
    ("teams/team-claims.yml", ("team", "team-claims")),
    ("capabilities/a/b/claims.yaml", ("capability", "claims")),
    ("objectives/digital.v2.yaml", ("objective", "digital.v2")),
    ("funding/FY2027.yaml", ("funding", "FY2027")),
    ("notes.yaml", None),
    ("products.yaml", None),
    ("extensions/product.yaml", None),
    ("product/claims-portal.yaml", None),
    ("site/portfolio.yaml", None),
])
def test_a_files_kind_comes_from_its_folder_and_its_id_from_its_name(
        path: str, kind: tuple[str, str] | None) -> None:
    assert classify(path) == kind
