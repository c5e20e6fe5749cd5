"""Recognising registry organisations under news spellings."""

from __future__ import annotations

from coopex.domain.organizations import OrgKind
from coopex.engines.news.linking import NameIndex, guess_kind, name_keys


def test_quotes_legal_forms_and_case_do_not_matter() -> None:
    assert name_keys("АО «Орбита»") & name_keys("Орбита")
    assert name_keys("Alibaba Group") & name_keys("ALIBABA")
    assert name_keys("УК «РМ Рейл»") & name_keys("РМ Рейл")


def test_cyrillic_meets_latin_through_transliteration() -> None:
    index = NameIndex()
    index.add(7, ["Foton Motor", "Foton"])
    assert index.find("Фотон") == 7
    assert index.find("FOTON MOTOR") == 7
    assert index.find("Geely") is None


def test_aliases_join_what_transliteration_cannot() -> None:
    index = NameIndex()
    index.add(3, ["Geely", "Джили"])
    assert index.find("Джили") == 3


def test_first_organisation_keeps_a_shared_key() -> None:
    index = NameIndex()
    index.add(1, ["Орбита"])
    index.add(2, ["АО Орбита"])
    assert index.find("Orbita") == 1


def test_kind_of_a_provisional_organisation_from_its_name() -> None:
    assert guess_kind("Центр поддержки экспорта") is OrgKind.AGENCY
    assert guess_kind("Russian Foreign Trade Academy") is OrgKind.RESEARCH_CENTRE
    assert guess_kind("Торгово-промышленная палата") is OrgKind.ASSOCIATION
    assert guess_kind("Geely") is OrgKind.ENTERPRISE
