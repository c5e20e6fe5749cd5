"""`make bench`: run the benchmarks. Each prints ratios against a baseline from the same run."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks import localization, matching, news, registry, scheduling, startup, web


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    sub = parser.add_subparsers(dest="which")
    reg = sub.add_parser("registry", help="import throughput and listing queries")
    reg.add_argument("--listings", type=int, default=20_000)
    reg.add_argument("--database-url", default=None, help="default: a temporary SQLite file")
    match = sub.add_parser("matching", help="matching latency, recall and build at scale")
    match.add_argument("--listings", type=int, default=1_000_000)
    match.add_argument("--queries", type=int, default=300)
    match.add_argument(
        "--exact-queries", type=int, default=60, help="brute force is slow: a sample"
    )
    match.add_argument("--json", type=Path, help="also write the numbers here")
    news_parser = sub.add_parser("news", help="news ingestion throughput and time per stage")
    news_parser.add_argument("--documents", type=int, default=400)
    news_parser.add_argument("--json", type=Path, help="also write the numbers here")
    web_parser = sub.add_parser("web", help="web pages against the bare API call (p95)")
    web_parser.add_argument("--runs", type=int, default=40)
    loc = sub.add_parser("localization", help="batch assessment and the CP-SAT planner")
    loc.add_argument("--products", type=int, default=100_000)
    loc.add_argument("--instances", type=int, default=5, help="120 x 500 planning instances")
    loc.add_argument("--small", type=int, default=20, help="small instances for brute force")
    sub.add_parser("startup", help="CLI start-up time (--help, a registry command)")
    sched = sub.add_parser("scheduling", help="B2B meeting schedules against published optima")
    sched.add_argument("--instances", default="*.original.dzn", help="glob of .dzn files")
    sched.add_argument("--time-limit", type=float, default=60.0, help="seconds per instance")
    sched.add_argument("--workers", type=int, default=2)
    sched.add_argument("--generated", action="store_true", help="a 1,000-participant event")
    sched.add_argument("--json", type=Path, help="one JSON record per instance")
    args = parser.parse_args()
    if args.which == "startup":
        startup.run()
        return
    if args.which in (None, "registry"):
        registry.run(getattr(args, "listings", 20_000), getattr(args, "database_url", None))
    if args.which in (None, "matching"):
        results = matching.run(
            getattr(args, "listings", 1_000_000),
            getattr(args, "queries", 300),
            getattr(args, "exact_queries", 60),
        )
        if getattr(args, "json", None):
            matching.save(results, args.json)
    if args.which in (None, "web"):
        web.run(getattr(args, "runs", 40))
    if args.which in (None, "localization"):
        localization.run(
            getattr(args, "products", 100_000),
            getattr(args, "instances", 5),
            getattr(args, "small", 20),
        )
    if args.which in (None, "news"):
        measured = news.run(getattr(args, "documents", 400))
        if args.which == "news" and args.json:
            news.save(measured, args.json)

    if args.which == "scheduling":
        if args.generated:
            numbers = scheduling.run_generated(args.time_limit, args.workers)
            if args.json:
                scheduling.save([numbers], args.json)
        else:
            records = scheduling.run_instances(args.instances, args.time_limit, args.workers)
            if args.json:
                scheduling.save(records, args.json)


if __name__ == "__main__":
    main()
