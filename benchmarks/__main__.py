"""`make bench`: run every benchmark. Each prints ratios against a baseline from the same run."""

from __future__ import annotations

import argparse

from benchmarks import registry


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--listings", type=int, default=20_000, help="synthetic listings to import")
    parser.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    registry.run(args.listings, args.database_url)


if __name__ == "__main__":
    main()
