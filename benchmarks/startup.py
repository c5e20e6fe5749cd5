"""CLI start-up: how long `coopex --help` and a registry command take, against the floor of
starting the interpreter with the CLI's own libraries (typer, rich) in the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5


def _seconds(command: list[str], env: dict[str, str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run() -> dict[str, float]:
    coopex = str(Path(sys.executable).with_name("coopex"))
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COOPEX_HOME": home}
        env.pop("COOPEX_DATABASE_URL", None)
        subprocess.run([coopex, "init"], env=env, capture_output=True, check=True)
        baseline = _seconds([sys.executable, "-c", "import typer, rich.progress"], env)
        measured = {
            "python + typer + rich (baseline)": baseline,
            "coopex --help": _seconds([coopex, "--help"], env),
            "coopex org list": _seconds([coopex, "org", "list"], env),
        }
    print(f"CLI start-up, median of {RUNS} runs")
    for name, seconds in measured.items():
        print(f"  {name:34} {seconds:6.2f} s   {seconds / baseline:5.1f}x baseline")
    return measured
