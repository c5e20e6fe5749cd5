"""`coopex localize` in process, against real databases, with real product files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import run

PRODUCTS = """\
products:
  - name: Diesel generator set
    okpd2: "27.11.31"
    operations:
      - {operation: assembly, points: 250, country: RU}
      - {operation: alternator, points: 90, country: CN}
    plan:
      start: 2026-02-01
      onboarding_cost: 50000
      operations:
        - {operation: alternator, cost: 1000000, lead_time_days: 90}
      partners:
        - {partner: elektrosila, operation: alternator, country: RU, cost: 800000}
  - name: Broken
    okpd2: "27.11.31"
    operations:
      - {operation: assembly, points: -4, country: XX}
"""


def test_assess_prints_one_object_per_product_and_names_bad_fields(tmp_path: Path) -> None:
    path = tmp_path / "products.yaml"
    path.write_text(PRODUCTS, encoding="utf-8")
    code, out, err = run("localize", "assess", str(path), "--on", "2026-06-01", "--json")
    assert code == 1  # one product was bad; the other was assessed
    (line,) = out.splitlines()
    result = json.loads(line)
    assert (result["score"], result["maximum"], result["threshold"], result["eligible"]) == (
        250,
        340,
        180,
        True,
    )
    assert {c["operation"] for c in result["contributions"]} == {"assembly", "alternator"}
    assert "products[1]: operations[0].points" in err
    assert "products[1]: operations[0].country" in err
    code, out, _ = run("localize", "assess", str(path), "--on", "2027-06-01")
    text = " ".join(out.split())  # rich wraps lines at the terminal width
    assert "not eligible" in text and "short by 20" in text


def test_plan_and_compare(tmp_path: Path) -> None:
    path = tmp_path / "products.yaml"
    path.write_text(PRODUCTS.split("  - name: Broken")[0], encoding="utf-8")
    code, out, err = run(
        "localize", "plan", str(path), "--by", "2027-06-01", "--no-registry", "--json"
    )
    assert code == 0, err
    plan = json.loads(out)
    assert plan["status"] == "optimal"
    assert plan["moves"][0]["partner"] == "elektrosila"
    assert plan["cost"] == 850000
    code, out, _ = run(
        "localize", "plan", str(path), "--by", "2027-06-01", "--no-registry", "--budget", "100000"
    )
    text = " ".join(out.split())
    assert "blocked (budget)" in text and "short by 750,000.00" in text
    code, out, _ = run("localize", "compare", str(path), "--on", "2026-06-01", "--json")
    assert code == 0 and json.loads(out)["russia"]["score"] == 250
    code, _, err = run("localize", "plan", str(path), "--by", "June")
    assert code == 1 and "--by: must be a date" in err


def test_products_kept_for_an_organisation(tmp_path: Path) -> None:
    org = tmp_path / "org.json"
    org.write_text(
        json.dumps(
            {
                "organizations": [
                    {
                        "ref": "gen-plant",
                        "name": "Generator plant",
                        "kind": "enterprise",
                        "country": "RU",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    assert run("import", str(org))[0] == 0
    path = tmp_path / "products.yaml"
    path.write_text(PRODUCTS, encoding="utf-8")
    code, out, err = run("localize", "product", "add", "gen-plant", str(path), "--json")
    assert code == 1 and "products[1]" in err, (out, err)
    ref = json.loads(out)["ref"]
    code, out, _ = run("localize", "product", "list", "gen-plant", "--json")
    assert [json.loads(x)["ref"] for x in out.splitlines()] == [ref]
    assert run("localize", "product", "assess", "gen-plant", ref, "--on", "2026-06-01")[0] == 0
    code, out, _ = run("localize", "product", "history", "gen-plant", ref, "--json")
    assert [json.loads(x)["eligible"] for x in out.splitlines()] == [True]
    code, _, err = run("localize", "product", "show", "gen-plant", "nope")
    assert code == 1 and "not found" in err


EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "localization-products.yaml"


def test_the_documented_example_file_works() -> None:
    code, out, err = run("localize", "assess", str(EXAMPLE), "--on", "2026-06-01", "--json")
    assert code == 0, err
    results = {r["product"]: r for r in map(json.loads, out.splitlines())}
    assert len(results) == 4
    assert results["Diesel generator set 200 kW"]["eligible"] is True
    assert results["Deep groove ball bearing 6205"]["maximum"] == 121
    code, out, err = run(
        "localize",
        "plan",
        str(EXAMPLE),
        "--by",
        "2026-12-31",
        "--start",
        "2026-01-15",
        "--no-registry",
        "--json",
    )
    plans = {r["product"]: r for r in map(json.loads, out.splitlines())}
    assert plans["City bus 12 m"]["status"] == "optimal"
    assert [m["operation"] for m in plans["City bus 12 m"]["moves"]] == ["body-painting"]
    assert plans["Crawler bulldozer 20 t"]["blockers"][0]["constraint"] == "threshold"
