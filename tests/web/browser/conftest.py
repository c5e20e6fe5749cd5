"""Browser tests: a real `coopex serve --demo` and Debian's Chromium driven by Playwright.

Chromium is never downloaded (`playwright install` is not used): the tests launch
/usr/bin/chromium. Without it they skip, except under CI=true where they fail.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("COOPEX_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is missing at {CHROMIUM} (apt-get install chromium)")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    return CHROMIUM


@pytest.fixture(scope="session")
def server(chromium_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`coopex serve --demo` on a free port with a fresh database; yields its base URL."""
    home = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {**os.environ, "COOPEX_HOME": str(home), "COLUMNS": "300"}
    env.pop("COOPEX_DATABASE_URL", None)
    coopex = Path(sys.executable).with_name("coopex")
    process = subprocess.Popen(
        [str(coopex), "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        output = ""
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            output += line
            if re.search(r"coopex serving on", line) or not line:
                break
        up = False
        while time.monotonic() < deadline and not up:
            try:
                with urllib.request.urlopen(f"{base}/api/v1/health", timeout=5):
                    up = True
            except OSError:
                time.sleep(0.3)
        assert up, output
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
