"""Two `coopex serve` processes and the CLI on one database, as real processes: a listing
changed through one server, or imported by the CLI, shows in the other's search within 2 s."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import run
from tests.cli.test_serve import free_port

QUERY = "Automatic couplers SA-3 for freight wagons"


class Server:
    def __init__(self, home: Path, database_url: str) -> None:
        self.port = free_port()
        env = {**os.environ, "COOPEX_HOME": str(home), "COOPEX_DATABASE_URL": database_url}
        coopex = Path(sys.executable).with_name("coopex")
        self.process = subprocess.Popen(
            [str(coopex), "serve", "--port", str(self.port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def call(self, token: str, method: str, path: str, body: object = None) -> Any:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/api/v1{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)

    def found(self, token: str, text: str) -> list[str]:
        query = urllib.parse.urlencode({"q": text, "limit": 20})
        return [m["listing"]["ref"] for m in self.call(token, "GET", f"/search?{query}")["matches"]]

    def wait_ready(self, token: str, seconds: float = 240) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "the server stopped"
            try:
                self.found(token, "wagon")
                return
            except OSError:
                time.sleep(0.5)
        raise AssertionError("the server did not start")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _shows(server: Server, token: str, ref: str, text: str) -> bool:
    return ref in server.found(token, text)


def within(seconds: float, check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[tuple[Server, Server, str]]:
    if not database_url.startswith("sqlite"):
        # Three real processes take minutes; the change feed itself runs on both backends in
        # tests/services/test_change_feed.py, with two application instances per database.
        pytest.skip("real processes on SQLite only (see test_change_feed.py for PostgreSQL)")
    code, out, err = run("demo")
    assert code == 0, err
    token = next(w for w in out.split() if w.startswith("cpx_"))
    first, second = Server(tmp_path, database_url), Server(tmp_path, database_url)
    try:
        first.wait_ready(token)
        second.wait_ready(token)
        yield first, second, token
    finally:
        first.stop()
        second.stop()


def test_two_servers_and_the_cli_agree_within_two_seconds(
    servers: tuple[Server, Server, str], tmp_path: Path
) -> None:
    first, second, token = servers
    listing = first.call(
        token,
        "POST",
        "/listings",
        {"kind": "offer", "org": "rm-rail", "title": QUERY, "codes": ["HS:8607"]},
    )
    ref = listing["ref"]
    assert within(2.0, lambda: ref in second.found(token, QUERY))

    first.call(token, "PATCH", f"/listings/{ref}", {"status": "draft"})
    assert within(2.0, lambda: ref not in second.found(token, QUERY))

    imported = tmp_path / "more.csv"
    imported.write_text(
        "ref,kind,org,title,codes\ncli-couplers,offer,rm-rail,Coupler yokes for freight wagons,"
        "HS:8607\n",
        encoding="utf-8",
    )
    code, _, err = run("import", str(imported))
    assert code == 0, err
    for server in (first, second):
        assert within(2.0, partial(_shows, server, token, "cli-couplers", "coupler yokes"))

    second.call(token, "POST", "/listings/cli-couplers/close")
    assert within(2.0, lambda: "cli-couplers" not in first.found(token, "coupler yokes"))
