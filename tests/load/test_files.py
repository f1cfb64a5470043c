"""Reading files: bytes to text, the one way every reader decodes them."""

from __future__ import annotations

import pytest

from pac.load.files import decode, without_bom


def test_decode_drops_a_byte_order_mark() -> None:
    assert decode(b"\xef\xbb\xbfname: Caf\xc3\xa9\n") == "name: Café\n"
    assert decode(b"name: x\n") == "name: x\n"


def test_decode_refuses_bytes_that_are_not_utf8_with_positions_after_the_mark() -> None:
    content = b"\xef\xbb\xbfname: \xff\n"
    with pytest.raises(UnicodeDecodeError) as caught:
        decode(content)
    assert without_bom(content)[caught.value.start] == 0xFF
    assert caught.value.start == 6
