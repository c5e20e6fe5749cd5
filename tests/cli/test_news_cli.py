"""`coopex ingest` and `coopex leads` in process, against real databases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coopex.services.demo import demo_news_path
from tests.cli.conftest import run, runner_bytes

DATA = demo_news_path()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    shutil.copytree(DATA, news)
    (news / "empty.txt").write_bytes(b"")
    crawl = [
        {
            "url": "https://example.org/vietnam",
            "text": (DATA / "bashkortostan_vietnam.txt").read_text(),
        },
        "not an object",
    ]
    (news / "crawl.jsonl").write_text("\n".join(json.dumps(x) for x in crawl), encoding="utf-8")
    return news


def test_ingest_a_folder_with_bad_entries(folder: Path, tmp_path: Path) -> None:
    output = tmp_path / "leads.jsonl"
    code, out, err = run("ingest", str(folder), "--output", str(output))
    assert code == 1  # some documents could not be read; the rest went in
    assert "empty.txt: empty document" in err
    assert "crawl.jsonl:2: not a JSON object" in err
    assert "ingest summary" in out and "time per stage" in out
    documents = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert sorted(d["doc"] for d in documents) == [
        "bashkortostan_vietnam.txt",
        "chuvashia_kazakhstan.txt",
        "https://example.org/vietnam",
        "ulyanovsk_heilongjiang_zh.txt",
        "vladivostok_harbin.html",
    ]
    assert all({"entities", "events", "amounts", "lang"} <= set(d) for d in documents)

    code, out, _ = run("ingest", str(folder), "--json")
    *problems, summary = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(problems) == 2
    # Everything readable is known now, the JSON Lines copy of the Bashkortostan page too.
    assert summary["duplicates"] == 5 and summary["near_duplicates"] == 0
    assert summary["stored"] == 0 and summary["leads"] == 0


def test_leads_list_show_accept_dismiss(tmp_path: Path) -> None:
    assert run("ingest", str(DATA / "chuvashia_kazakhstan.txt"))[0] == 0
    code, out, _ = run("leads", "list", "--type", "localization_invitation", "--json")
    [lead] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and lead["counterpart"] == "Степь Кабель" and lead["status"] == "new"
    code, out, _ = run("leads", "accept", str(lead["id"]), "--json")
    assert code == 0 and json.loads(out)["project"].startswith("project-")
    code, _, err = run("leads", "dismiss", str(lead["id"]))
    assert code == 1 and "already accepted" in err
    code, out, _ = run("leads", "list", "--status", "new", "--place", "KZ", "--json")
    assert code == 0 and all(json.loads(line)["status"] == "new" for line in out.splitlines())
    assert run("leads", "show", "999")[0] == 1


def test_news_documents_are_searchable_in_any_script() -> None:
    assert run("ingest", str(DATA))[0] == 0
    code, out, _ = run("news", "list", "--q", "哈尔滨电气", "--json")
    [document] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and document["lang"] == "zh" and document["leads"] > 0
    code, out, _ = run("news", "list", "--q", "ЧУВАШ", "--lang", "ru", "--json")
    assert code == 0 and len(out.splitlines()) == 1
    code, out, _ = run("news", "show", str(document["id"]))
    assert json.loads(out)["doc"] == "ulyanovsk_heilongjiang_zh.txt"
    original = runner_bytes("news", "show", str(document["id"]), "--original")
    assert original == (DATA / "ulyanovsk_heilongjiang_zh.txt").read_bytes()


def test_an_accepted_lead_shows_as_a_project() -> None:
    assert run("ingest", str(DATA / "chuvashia_kazakhstan.txt"))[0] == 0
    code, out, _ = run("leads", "list", "--type", "agreement", "--json")
    [lead] = [json.loads(line) for line in out.splitlines()]
    project = json.loads(run("leads", "accept", str(lead["id"]), "--json")[1])["project"]
    code, out, _ = run("project", "list", "--json")
    [listed] = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and listed["ref"] == project and listed["leads"] == [lead["id"]]
    code, out, _ = run("project", "show", project, "--json")
    assert code == 0 and json.loads(out)["stage"] == "lead"
    code, out, _ = run("audit", "--entity", "project", "--ref", project, "--json")
    assert code == 0 and json.loads(out.splitlines()[0])["action"] == "project.create"
