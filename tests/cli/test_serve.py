"""`coopex serve --demo`, the README's main job, as a real process answering real HTTP."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_with_demo_answers_listing_requests(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "COOPEX_HOME": str(tmp_path), "COLUMNS": "300"}
    env.pop("COOPEX_DATABASE_URL", None)  # the main job runs on embedded SQLite
    coopex = Path(sys.executable).with_name("coopex")
    process = subprocess.Popen(
        [str(coopex), "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output = ""
        token = None
        deadline = time.monotonic() + 60
        assert process.stdout is not None
        while time.monotonic() < deadline and token is None:
            line = process.stdout.readline()
            output += line
            match = re.search(r"(cpx_[A-Za-z0-9_-]+)", line)
            token = match.group(1) if match else None
        assert token, output
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/listings?limit=5",
            headers={"Authorization": f"Bearer {token}"},
        )
        body = None
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    body = json.load(response)
            except OSError:
                time.sleep(0.2)
        assert body is not None, output
        assert len(body["items"]) == 5 and body["next_cursor"]
        assert (tmp_path / "coopex.db").exists()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=20)
