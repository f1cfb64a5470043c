"""The site over HTTP: pac's script in every HTML page and nowhere else, only the site's own
files, only to requests addressed to this server, and the status a page's script asks for."""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from pac.errors import PacError
from pac.serve.server import SCRIPT, Server, inject, page_of, script_tag, site_file
from pac.serve.state import State

TAG = b'<script src="/.pac/serve.js" data-pac-version="'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "products").mkdir(parents=True)
    (site / "index.html").write_text("<html><body><h1>Home</h1></body></html>")
    (site / "products" / "a.html").write_text("<html><BODY><h1>A</h1></BODY></html>")
    (site / "products" / "index.html").write_text("<html><body>Products</body></html>")
    (site / "404.html").write_text("<html><body>Lost</body></html>")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"docs": []}')
    (site / "style.css").write_text("body { color: red }")
    (site / ".pac-output").write_text("hidden\n")
    (tmp_path / "secret.txt").write_text("outside the site\n")
    (site / "linked.html").symlink_to(tmp_path / "secret.txt")
    return site


@pytest.fixture
def running() -> Iterator[tuple[Server, State]]:
    state = State()
    server = Server(state, 0)
    server.start()
    try:
        yield server, state
    finally:
        server.stop()


def get(server: Server, path: str, host: str | None = None,
        method: str = "GET") -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    headers = {"Host": host} if host is not None else {}
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.getheader("Content-Type", ""), body


def test_the_script_goes_before_the_last_body_end_or_at_the_end() -> None:
    assert inject(b"<body>x</body></html>", 3) == (
        b'<body>x<script src="/.pac/serve.js" data-pac-version="3"></script></body></html>')
    assert inject(b"<p>no body", 4) == b"<p>no body" + script_tag(4)
    assert inject(b"<BODY>a</BODY> <!-- </body> -->", 5).startswith(b"<BODY>a</BODY> <!-- ")


def test_a_url_names_a_site_path_and_only_files_inside_the_site(site: Path) -> None:
    assert [page_of(p) for p in ["/", "/products/", "/products/a.html", "/caf%C3%A9.html"]] == [
        "index.html", "products/index.html", "products/a.html", "café.html"]
    assert site_file(site, "/products/") == site / "products" / "index.html"
    assert site_file(site, "/products") == site / "products" / "index.html"
    assert site_file(site, "/products//a.html") == site / "products" / "a.html"
    for refused in ["/../secret.txt", "/%2e%2e/secret.txt", "/products/%2E%2E/../x",
                    "/.pac-output", "/linked.html", "/a%5c..%5csecret.txt", "/a%00b"]:
        assert site_file(site, refused) is None, refused


def test_html_pages_get_the_script_and_nothing_else_does(
    running: tuple[Server, State], site: Path
) -> None:
    server, state = running
    state.built(site, None)
    status, kind, body = get(server, "/products/a.html")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert body == b'<html><BODY><h1>A</h1><script src="/.pac/serve.js" data-pac-version="1">' \
                   b"</script></BODY></html>"
    assert get(server, "/")[2].count(TAG) == 1
    for path, expected in [("/search/search_index.json", "application/json"),
                           ("/style.css", "text/css")]:
        status, kind, body = get(server, path)
        assert (status, kind.split(";")[0]) == (200, expected)
        assert TAG not in body
        assert body == (site / path.lstrip("/")).read_bytes()


def test_a_missing_or_refused_file_is_the_sites_404_page(
    running: tuple[Server, State], site: Path
) -> None:
    server, state = running
    state.built(site, None)
    for path in ["/nothing.html", "/../secret.txt", "/linked.html", "/.pac-output"]:
        status, kind, body = get(server, path)
        assert (status, kind) == (404, "text/html; charset=utf-8"), path
        assert body.startswith(b"<html><body>Lost") and TAG in body
        assert b"outside the site" not in body


def test_before_the_first_build_every_page_says_it_is_building(
    running: tuple[Server, State],
) -> None:
    server, _ = running
    status, kind, body = get(server, "/products/a.html")
    assert (status, kind) == (503, "text/html; charset=utf-8")
    assert b"pac serve is building the catalogue" in body
    assert TAG + b'0"' in body


def test_the_script_is_pacs_own(running: tuple[Server, State]) -> None:
    server, _ = running
    status, kind, body = get(server, SCRIPT)
    assert (status, kind) == (200, "text/javascript; charset=utf-8")
    assert b"textContent" in body and b"innerHTML" not in body
    assert get(server, SCRIPT, method="HEAD")[:2] == (200, "text/javascript; charset=utf-8")


def test_the_status_says_whether_a_page_changed_and_what_stops_the_build(
    running: tuple[Server, State], site: Path
) -> None:
    server, state = running
    state.built(site, None)
    state.built(site, ["products/a.html"])

    def status(query: str) -> dict[str, object]:
        code, kind, body = get(server, f"/.pac/status?{query}")
        assert (code, kind) == (200, "application/json; charset=utf-8")
        result: dict[str, object] = json.loads(body)
        return result

    assert status("since=1&page=/products/a.html") == {
        "version": 2, "reload": True, "findings": [], "problem": None}
    assert status("since=1&page=/products/")["reload"] is False
    assert status("since=2&page=/products/a.html&wait=0")["reload"] is False
    finding = {"file": "portfolio/products/a.yaml", "line": 2, "column": 7,
               "rule": "schema", "severity": "error", "message": "<b>bad</b>", "hint": "fix"}
    threading.Timer(0.2, state.failed, ([finding],)).start()
    assert status("since=2&page=/products/a.html&wait=1") == {
        "version": 3, "reload": False, "findings": [finding], "problem": None}
    assert get(server, "/.pac/status?since=x")[0] == 400


def test_a_request_for_another_host_is_refused(
    running: tuple[Server, State], site: Path
) -> None:
    server, state = running
    state.built(site, None)
    assert get(server, "/", host=f"localhost:{server.port}")[0] == 200
    for host in ["attacker.example", f"attacker.example:{server.port}", "127.0.0.1", ""]:
        status, _, body = get(server, "/", host=host)
        assert status == 403, host
        assert b"Home" not in body


def test_a_port_in_use_is_an_error_that_names_the_fix() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(PacError) as caught:
            Server(State(), port)
    assert caught.value.message == (
        f"cannot serve on 127.0.0.1:{port}: it is in use: give another with --port, "
        "or --port 0 for a free one")


def test_stopping_answers_waiting_pages_and_frees_the_port(site: Path) -> None:
    state = State()
    server = Server(state, 0)
    server.start()
    state.built(site, None)
    answers: list[int] = []
    waiting = threading.Thread(
        target=lambda: answers.append(get(server, "/.pac/status?since=1&wait=1")[0]))
    waiting.start()
    deadline = time.monotonic() + 10
    while not any("process_request" in t.name for t in threading.enumerate()):
        assert time.monotonic() < deadline, "the request never arrived"
        time.sleep(0.01)
    time.sleep(0.1)  # the handler reads the request, then waits
    server.stop()
    waiting.join(10)
    assert answers == [200]
    with socket.socket() as again:  # as a server binds: the port's old connections wait
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", server.port))
        again.listen()
    Server(State(), 0).stop()  # stopping a server that never started does not hang
