"""Reading files: bytes to text, the one way every reader decodes them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pac.load.files import (
    MAX_FILE_BYTES,
    SourceFile,
    decode,
    read_directory,
    read_file,
    text_of,
    too_large,
    without_bom,
)
from pac.paths import LINK


def test_decode_drops_a_byte_order_mark() -> None:
    assert decode(b"\xef\xbb\xbfname: Caf\xc3\xa9\n") == "name: Café\n"
    assert decode(b"name: x\n") == "name: x\n"


def test_decode_refuses_bytes_that_are_not_utf8_with_positions_after_the_mark() -> None:
    content = b"\xef\xbb\xbfname: \xff\n"
    with pytest.raises(UnicodeDecodeError) as caught:
        decode(content)
    assert without_bom(content)[caught.value.start] == 0xFF
    assert caught.value.start == 6


def test_text_of_reads_windows_line_ends_and_replaces_bad_bytes() -> None:
    assert text_of(b"name: a\r\nsummary: caf\xc3\xa9 \xff\r\n") == (
        "name: a\nsummary: caf\u00e9 \ufffd\n")


def test_a_file_that_is_not_read_says_why() -> None:
    assert too_large(1_048_577) == "file is 1,048,577 bytes, over the limit of 1,048,576"
    assert SourceFile("a.yaml", 2_000_000, None).unread == (
        "file is 2,000,000 bytes, over the limit of 1,048,576")
    assert SourceFile("a.yaml", 0, None, LINK).unread == LINK


def test_read_directory_reads_yaml_files_folder_by_folder(tmp_path: Path) -> None:
    (tmp_path / "products" / "old").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "portfolio.yaml").write_text("name: N\n")
    (tmp_path / "products" / "b.yml").write_text("id: b\n")
    (tmp_path / "products" / "a.yaml").write_text("id: a\n")
    (tmp_path / "products" / "old" / "c.yaml").write_text("id: c\n")
    (tmp_path / "products" / "notes.md").write_text("# notes\n")
    (tmp_path / "products" / ".draft.yaml").write_text("id: draft\n")
    (tmp_path / ".git" / "x.yaml").write_text("x: 1\n")
    (tmp_path / "zeta.yaml").write_text("")
    assert read_directory(tmp_path) == [
        SourceFile("portfolio.yaml", 8, b"name: N\n"),
        SourceFile("zeta.yaml", 0, b""),
        SourceFile("products/a.yaml", 6, b"id: a\n"),
        SourceFile("products/b.yml", 6, b"id: b\n"),
        SourceFile("products/old/c.yaml", 6, b"id: c\n"),
    ]


def test_read_directory_bounds_what_it_reads(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    (tmp_path / "limit.yaml").write_bytes(b"x" * MAX_FILE_BYTES)
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "limit.yaml")
    files = {f.path: (f.size, f.content is not None, f.error) for f in read_directory(tmp_path)}
    assert files == {
        "big.yaml": (MAX_FILE_BYTES + 1, False, None),
        "limit.yaml": (MAX_FILE_BYTES, True, None),
        "link.yaml": (0, False, LINK),
        "pipe.yaml": (0, False, "it is not a regular file"),
    }


def test_read_file_reads_one_file_as_read_directory_does(tmp_path: Path) -> None:
    (tmp_path / "teams").mkdir()
    (tmp_path / "teams" / "a.yaml").write_text("id: a\n")
    (tmp_path / "linked").symlink_to(tmp_path / "teams")
    assert read_file(tmp_path, "teams/a.yaml") == SourceFile("teams/a.yaml", 6, b"id: a\n")
    assert read_file(tmp_path, "teams/b.yaml") is None
    assert read_file(tmp_path, "teams") is None  # a folder is no file
    # a link anywhere on the way is not followed
    assert read_file(tmp_path, "linked/a.yaml") == SourceFile("linked/a.yaml", 0, None, LINK)
    (tmp_path / "teams" / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert read_file(tmp_path, "teams/broken.yaml") == SourceFile(
        "teams/broken.yaml", 0, None, LINK)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file without read permission")
def test_a_file_without_read_permission_is_unread_with_the_reason(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("id: s\n")
    secret.chmod(0)
    try:
        assert read_file(tmp_path, "secret.yaml") == SourceFile(
            "secret.yaml", 0, None, "Permission denied")
    finally:
        secret.chmod(0o644)
