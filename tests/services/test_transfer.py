"""Import is all-or-nothing (or --partial), idempotent, and export -> import is lossless."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.interchange.reading import read_csv, read_file, read_import, read_json
from coopex.interchange.records import Entity, UnreadableFile
from coopex.interchange.writing import write_csv, write_json
from coopex.services.transfer import ImportRejected
from tests.conftest import OPERATOR

ORGS_CSV = """ref,name,kind,country,region,activity_codes,aliases
rm-rail,УК «РМ Рейл»,enterprise,RU,RU-MO,OKVED2:30.20,RM Rail;РМ Рейл
orbita,АО «Орбита»,enterprise,RU,RU-MO,OKVED2:27.11,
"""

LISTINGS_CSV = """ref,kind,org,title,codes,sectors,quantity,unit
rm-1,request,rm-rail,Комплектующие вагонов,HS:8607,rail,,
rm-2,request,rm-rail,Металлообработка,OKPD2:25.62,metalworking,,
orb-1,offer,orbita,Источники питания,HS:8504,electronics;electrical_equipment,100,pcs
orb-2,offer,orbita,Преобразователи,HS:8504,warp_drives,ten,pcs
orb-3,offer,orbita,Зарядные устройства,HS:8504,electronics,,
"""


def snapshot(coopex: Coopex) -> str:
    out = io.StringIO()
    write_json(out, {e: coopex.transfer.export_records(e) for e in Entity})
    return out.getvalue()


def test_one_bad_row_rejects_the_file_names_row_and_field_and_changes_nothing(
    coopex: Coopex,
) -> None:
    coopex.transfer.import_records(OPERATOR, read_csv(ORGS_CSV))
    before = snapshot(coopex)
    audit_before = len(coopex.audit.recent(OPERATOR, limit=500))
    with pytest.raises(ImportRejected) as caught:
        coopex.transfer.import_records(OPERATOR, read_csv(LISTINGS_CSV))
    [bad] = caught.value.report.rejected
    assert bad.record.location == "row 5"
    assert {e.field for e in bad.errors} == {"sectors", "quantity"}
    assert "warp_drives" in bad.describe()
    assert snapshot(coopex) == before
    assert len(coopex.audit.recent(OPERATOR, limit=500)) == audit_before


def test_partial_imports_the_good_rows_and_returns_the_bad(coopex: Coopex) -> None:
    coopex.transfer.import_records(OPERATOR, read_csv(ORGS_CSV))
    report = coopex.transfer.import_records(OPERATOR, read_csv(LISTINGS_CSV), partial=True)
    assert report.created[Entity.LISTINGS] == 4
    assert [r.record.raw["ref"] for r in report.rejected] == ["orb-2"]
    exported = [r["ref"] for r in coopex.transfer.export_records(Entity.LISTINGS)]
    assert exported == ["rm-1", "rm-2", "orb-1", "orb-3"]


def test_reimporting_the_same_file_changes_nothing(coopex: Coopex) -> None:
    records = read_csv(ORGS_CSV) + read_csv(
        LISTINGS_CSV.replace("warp_drives", "electronics").replace(",ten,", ",10,")
    )
    first = coopex.transfer.import_records(OPERATOR, records)
    assert (first.created[Entity.ORGANIZATIONS], first.created[Entity.LISTINGS]) == (2, 5)
    before = snapshot(coopex)
    second = coopex.transfer.import_records(OPERATOR, records)
    assert second.written == 0
    assert (second.unchanged[Entity.ORGANIZATIONS], second.unchanged[Entity.LISTINGS]) == (2, 5)
    assert snapshot(coopex) == before


def test_changed_rows_update_in_place(coopex: Coopex) -> None:
    coopex.transfer.import_records(OPERATOR, read_csv(ORGS_CSV))
    report = coopex.transfer.import_records(
        OPERATOR, read_csv(ORGS_CSV.replace("АО «Орбита»", "Orbita JSC"))
    )
    assert (report.updated[Entity.ORGANIZATIONS], report.unchanged[Entity.ORGANIZATIONS]) == (1, 1)
    assert coopex.registry.get_organization("orbita").name == "Orbita JSC"


def test_listing_of_a_rejected_organisation_is_rejected_with_the_reason(coopex: Coopex) -> None:
    records = read_csv(
        ORGS_CSV.replace("orbita,АО «Орбита»,enterprise,RU", "orbita,АО «Орбита»,enterprise,XX")
    )
    records += read_csv(LISTINGS_CSV.replace("warp_drives", "electronics").replace(",ten,", ",10,"))
    report = coopex.transfer.import_records(OPERATOR, records, partial=True)
    reasons = {
        r.record.location + ":" + r.errors[0].reason
        for r in report.rejected
        if r.record.entity is Entity.LISTINGS
    }
    assert reasons == {f"row {n}:its organisation's record was rejected" for n in (4, 5, 6)}
    assert report.created[Entity.LISTINGS] == 2


def test_duplicate_refs_are_rejected_on_import(coopex: Coopex) -> None:
    with pytest.raises(ImportRejected) as caught:
        coopex.transfer.import_records(
            OPERATOR, read_csv(ORGS_CSV + "rm-rail,Другая,enterprise,RU,,,\n")
        )
    [bad] = caught.value.report.rejected
    assert bad.record.location == "row 4"
    assert "appears twice in the file (first at row 2)" in bad.describe()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("foo,bar\n1,2\n", "cannot tell what the CSV holds"),
        ("ref,name,country,colour\nx,y,RU,red\n", "unknown column(s) colour"),
    ],
)
def test_unreadable_csv_says_why(text: str, message: str) -> None:
    with pytest.raises(UnreadableFile, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_csv(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"widgets": []}', "unknown top-level key"),
        ("[1]", "needs --entity"),
    ],
)
def test_unreadable_json_says_why(text: str, message: str) -> None:
    with pytest.raises(UnreadableFile, match=message):
        read_json(text)


def test_short_rows_and_bad_contacts_are_reported_per_row(coopex: Coopex) -> None:
    text = ORGS_CSV.replace(",RM Rail;РМ Рейл", "") + "x,Name,enterprise,RU,RU-MO,,,\n"
    records = read_csv(text)
    assert records[0].read_errors and "cells" in records[0].read_errors[0].reason
    contacts = read_csv('ref,name,kind,country,contacts\nq,Q,agency,RU,"[{broken"\n')
    assert contacts[0].read_errors[0].field == "contacts"


def test_a_windows_1251_file_from_excel_is_read_and_said_so(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.csv"
    path.write_bytes("ref;name;kind;country\nx;Завод;enterprise;RU\n".encode("cp1251"))
    read = read_import(path)
    assert [r.raw["name"] for r in read.records] == ["Завод"]
    assert any("not UTF-8" in note for note in read.notes)


# -- export -> import round trips -------------------------------------------------------------


def _round_trip(source: Coopex, target: Coopex, tmp_path: Path) -> None:
    """JSON and CSV exports of `source`, imported into `target`, reproduce `source` exactly."""
    json_path = tmp_path / "all.json"
    with json_path.open("w", encoding="utf-8") as stream:
        write_json(stream, {e: source.transfer.export_records(e) for e in Entity})
    csv_paths = []
    for entity in Entity:
        path = tmp_path / f"{entity}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            write_csv(stream, entity, source.transfer.export_records(entity))
        csv_paths.append(path)
    target.transfer.import_records(OPERATOR, [r for p in csv_paths for r in read_file(p)])
    assert snapshot(target) == snapshot(source)
    again = target.transfer.import_records(OPERATOR, read_file(json_path))
    assert again.written == 0


def test_demo_data_round_trips_through_csv_and_json(
    coopex: Coopex, tmp_path: Path, database_url: str
) -> None:
    from coopex.services.demo import demo_dataset_path

    coopex.transfer.import_records(OPERATOR, read_file(demo_dataset_path()))
    target = build(Settings(database_url=f"sqlite:///{tmp_path / 'target.db'}", home=tmp_path))
    target.migrate()
    try:
        _round_trip(coopex, target, tmp_path)
    finally:
        target.close()


text_items = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_characters=";\x00", exclude_categories=["Cs", "Cc"]
    ),
    min_size=1,
    max_size=30,
).filter(str.strip)
# Text a database can store: no lone surrogates, no NUL (refused: tests/hostile).
STORABLE = st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00")

orgs = st.fixed_dictionaries(
    {
        "name": text_items,
        "kind": st.sampled_from(
            ["enterprise", "agency", "region_body", "association", "research_centre"]
        ),
        "country": st.just("RU"),
        "region": st.sampled_from([None, "RU-TA", "RU-MO"]),
        "aliases": st.lists(text_items, max_size=2),
        "activity_codes": st.lists(
            st.sampled_from(["OKVED2:30.20", "NACE:28.1", "OKVED2:25"]), max_size=2
        ),
        "description": st.text(
            alphabet=st.characters(
                codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00"
            ),
            max_size=80,
        ),
        "contacts": st.lists(
            st.fixed_dictionaries({"name": text_items, "email": st.none() | st.just("a@b.c")}),
            max_size=2,
        ),
    }
)
listings = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["offer", "request"]),
        "title": text_items,
        "description": st.text(
            alphabet=st.characters(
                codec="utf-8", exclude_categories=["Cs"], exclude_characters="\x00"
            ),
            max_size=120,
        ),
        "codes": st.lists(st.sampled_from(["HS:8607", "HS:870899", "OKPD2:30.20.40"]), max_size=3),
        "sectors": st.lists(st.sampled_from(["rail", "food", "logistics"]), max_size=2),
        "quantity": st.none() | st.decimals(min_value=0, max_value=10**6, places=2).map(str),
        "valid_until": st.none() | st.dates().map(lambda d: d.isoformat()),
        "status": st.sampled_from(["draft", "published", "closed"]),
    }
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(org_list=st.lists(orgs, min_size=1, max_size=3), listing_list=st.lists(listings, max_size=5))
@example(  # a lone carriage return once split a CSV row
    org_list=[{"name": "N", "kind": "agency", "country": "RU", "description": "a\rb\x0cc"}],
    listing_list=[
        {"kind": "offer", "title": "T", "description": "x\ry", "status": "draft", "quantity": None}
    ],
)
def test_any_registry_round_trips(
    tmp_path_factory: pytest.TempPathFactory,
    org_list: list[dict[str, object]],
    listing_list: list[dict[str, object]],
) -> None:
    home = tmp_path_factory.mktemp("rt")
    source = build(Settings(database_url=f"sqlite:///{home / 'source.db'}", home=home))
    target = build(Settings(database_url=f"sqlite:///{home / 'target.db'}", home=home))
    try:
        source.migrate()
        target.migrate()
        for index, org in enumerate(org_list):
            source.registry.create_organization(OPERATOR, {**org, "ref": f"org-{index}"})
        for index, listing in enumerate(listing_list):
            unit = "t" if listing["quantity"] is not None else None
            owner = f"org-{index % len(org_list)}"
            source.registry.create_listing(
                OPERATOR, {**listing, "ref": f"l-{index}", "org": owner, "unit": unit}
            )
        _round_trip(source, target, home)
    finally:
        source.close()
        target.close()
