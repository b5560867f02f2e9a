"""The demo's licences (issue 9 §1): licence types on the demo items, licences in the personas' wallets from the
demo's approved cases, a material a held licence replaces, and a stock import of a few hundred licences.

The demo city is loaded once for the module through ``load_demo`` (inside a transaction rolled back afterwards),
with the clock frozen on a working day; each test runs in its own savepoint.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.test import override_settings
from jsonschema import Draft202012Validator

from tongban.accounts.models import Enterprise, User
from tongban.catalog.demo_data import ITEMS
from tongban.catalog.models import Material
from tongban.core.validators import is_valid_credit_code, is_valid_id_number
from tongban.licenses import demo
from tongban.licenses.choices import LicenseStatus, StockImportStatus
from tongban.licenses.identifier import is_valid_identifier
from tongban.licenses.models import License, LicenseType, LicenseUse, StockImport
from tongban.licenses.queries import fetch_wallet
from tongban.licenses.services import is_valid_type_code

SHANGHAI = ZoneInfo("Asia/Shanghai")
LOAD_DAY = date(2027, 6, 15)  # a Tuesday, no holiday near
NOW = datetime.combine(LOAD_DAY, time(11, 0), tzinfo=SHANGHAI)
KEK = base64.b64encode(b"k" * 32).decode()  # the one conftest's autouse fixture sets for every test


@pytest.fixture(scope="module")
def demo_city(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[None]:
    """The demo city loaded on :data:`LOAD_DAY` (rolled back after the module)."""
    media = tmp_path_factory.mktemp("licenses-demo")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(TONGBAN_DEMO=True, MEDIA_ROOT=str(media), PASSWORD_HASHERS=fast, TONGBAN_KEK=KEK),
        time_machine.travel(datetime.combine(LOAD_DAY, time(9, 0), tzinfo=SHANGHAI), tick=False),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            from tongban.core import calendar

            calendar._cache.clear()


@pytest.fixture
def on_load_day(demo_city: None, db: None, settings: Any) -> Iterator[None]:
    settings.TONGBAN_DEMO = True
    with time_machine.travel(NOW, tick=False):
        yield


def _valid(licences: Any) -> list[License]:
    return [lic for lic in licences if lic.current_status(LOAD_DAY) == LicenseStatus.VALID]


def _name(lic: License) -> str:
    return lic.type.name.removesuffix("（演示）")


def _demo_type_codes() -> set[str]:
    return {spec["code"] for spec in demo.demo_license_types()}


# --- the data files, without a database --------------------------------------------------------------------------


def test_the_demo_types_carry_the_catalog_elements_and_say_they_are_demo_data() -> None:
    types = demo.demo_license_types()
    assert len(types) >= 16
    with demo.TYPES_FILE.open(encoding="utf-8") as handle:
        assert "演示数据" in json.load(handle)["_comment"]
    for spec in types:
        assert is_valid_type_code(spec["code"]), spec["code"]
        assert spec["define_agency_code"] == spec["code"][:18] and is_valid_credit_code(
            spec["define_agency_code"]
        )
        assert spec["define_agency_name"] and spec["define_agency_level"] in "12345"
        assert spec["holder_category"] in ("person", "enterprise")
        assert spec["validity_years"] is None or 1 <= spec["validity_years"] <= 20
        assert (
            spec["is_demo"] is True and "演示" in spec["name"] and "演示数据" in spec["face_schema"]["title"]
        )
        Draft202012Validator.check_schema(spec["face_schema"])
        properties = spec["face_schema"]["properties"]
        assert all(prop.get("title") for prop in properties.values())
        assert set(spec["face_mapping"]) == set(properties)
        assert set(spec["face_schema"]["required"]) <= set(properties)
    assert len({spec["code"] for spec in types}) == len(types)


def test_the_face_mappings_read_real_form_fields_of_the_items_that_name_the_type() -> None:
    by_code = {spec["code"]: spec for spec in demo.demo_license_types()}
    linked = [item for item in ITEMS if item["guide"].get("license_type_code")]
    assert len(linked) >= 15
    for item in linked:
        spec = by_code[item["guide"]["license_type_code"]]
        assert item["name"] in spec["related_items"]
        form = item["guide"]["form_schema"]
        for face_field, source in spec["face_mapping"].items():
            if source.startswith("$"):
                continue
            assert source in form["properties"], (item["name"], source)
            # A required face field must come from a required form field, or approvals could not fill it.
            if face_field in spec["face_schema"]["required"]:
                assert source in form["required"], (item["name"], face_field, source)
    materials = [m for item in ITEMS for m in item["guide"]["materials"] if m.get("license_type_code")]
    assert materials and {m["license_type_code"] for m in materials} <= set(by_code)


# --- the loaded demo -----------------------------------------------------------------------------------------------


def test_at_least_15_published_items_name_a_licence_type_that_exists(on_load_day: None) -> None:
    from tongban.catalog.models import Implementation

    named = {
        (impl.item.name, impl.current_version.license_type_code)
        for impl in Implementation.objects.filter(current_version__isnull=False).select_related(
            "item", "current_version"
        )
        if impl.current_version and impl.current_version.license_type_code
    }
    codes = set(LicenseType.objects.values_list("code", flat=True))
    assert {code for _name, code in named} <= codes
    assert len({name for name, _code in named}) >= 15
    assert LicenseType.objects.filter(is_demo=True, code__in=_demo_type_codes()).count() == len(
        _demo_type_codes()
    )


def test_citizen_holds_several_valid_licences_from_approved_cases(on_load_day: None) -> None:
    citizen = User.objects.get(username="citizen")
    wallet = list(fetch_wallet(citizen))
    valid = _valid(wallet)
    assert len(valid) >= 3, wallet
    assert all(lic.holder_id_number == citizen.id_number for lic in wallet)
    from_cases = [lic for lic in valid if lic.source_case_id is not None]
    assert len({lic.type_id for lic in from_cases}) >= 3, from_cases
    # What the README's demo table says citizen holds.
    assert {_name(lic) for lic in valid} == {
        "无犯罪记录证明",
        "机动车驾驶证",
        "结婚证",
        "个体工商户营业执照",
        "教师资格证书",
    }
    for lic in from_cases:
        case = lic.source_case
        assert case is not None and case.decision.approve and lic.issued_at == case.decided_at
        assert is_valid_identifier(lic.identifier) and lic.payload.count(".") == 2 and lic.seal_id


def test_agent_holds_the_licences_of_its_enterprises(on_load_day: None) -> None:
    agent = User.objects.get(username="agent")
    enterprises = set(
        Enterprise.objects.filter(agents__agent=agent, agents__status="active").values_list(
            "credit_code", flat=True
        )
    )
    wallet = list(fetch_wallet(agent))
    valid = _valid(wallet)
    assert len(valid) >= 3, wallet
    assert {lic.holder_credit_code for lic in valid} == enterprises  # both of its enterprises
    assert all(lic.holder_category == "enterprise" for lic in wallet)
    assert len([lic for lic in valid if lic.source_case_id is not None]) >= 3
    # What the README's demo table says each enterprise holds.
    held = {(lic.holder_name, _name(lic)) for lic in valid}
    assert held == {
        ("开封市汴梁食品有限公司", "营业执照"),
        ("开封市汴梁食品有限公司", "公共场所卫生许可证"),
        ("开封市汴梁食品有限公司", "食品经营许可证"),
        ("开封市汴梁食品有限公司", "烟草专卖零售许可证"),
        ("开封市宋韵文化传播有限公司", "营业执照"),
    }, held


def test_every_face_validates_against_its_type_schema(on_load_day: None) -> None:
    licences = list(License.objects.select_related("type"))
    assert len(licences) >= 300
    validators: dict[int, Draft202012Validator] = {}
    for lic in licences:
        validator = validators.setdefault(lic.type_id, Draft202012Validator(lic.type.face_schema))
        problems = [error.message for error in validator.iter_errors(lic.face)]
        assert not problems, (lic.identifier, lic.face, problems)
        assert is_valid_identifier(lic.identifier)
        if lic.holder_category == "person":
            assert is_valid_id_number(lic.holder_id_number), lic.holder_id_number
        else:
            assert is_valid_credit_code(lic.holder_credit_code), lic.holder_credit_code


def test_a_material_is_replaced_by_a_licence_a_persona_holds(on_load_day: None) -> None:
    held = {
        lic.type.code
        for username in ("citizen", "agent")
        for lic in _valid(fetch_wallet(User.objects.get(username=username)))
    }
    # A material of a published guide (the implementation's current version) that a held licence replaces.
    replaceable = Material.objects.filter(
        license_type_code__in=held, version__implementation__current_version=F("version")
    )
    assert replaceable.exists()
    # The demo shows the reuse itself: a case whose material is the licence (免提交), with its authorisation.
    use = LicenseUse.objects.select_related("license", "case").order_by("id").first()
    assert use is not None
    row = use.case.materials.get(license_identifier=use.license.identifier)
    assert row.material is not None and row.material.license_type_code == use.license.type.code
    assert use.department_id == use.case.department_id


def test_the_stock_import_ran_with_a_few_hundred_licences(on_load_day: None) -> None:
    stock = StockImport.objects.get(filename=demo.STOCK_FILENAME)
    assert stock.status == StockImportStatus.DONE
    assert stock.total_rows == stock.imported_count == 300 and stock.rejected_count == 0
    imported = License.objects.filter(import_batch=stock)
    assert imported.count() == 300
    names = list(imported.values_list("holder_name", flat=True))
    personas = {"王秀英", "开封市汴梁食品有限公司"}
    assert all("演示" in name or name in personas for name in names)


def test_a_second_load_changes_nothing(on_load_day: None) -> None:
    from tongban.cases.models import Case
    from tongban.core.models import LedgerEntry
    from tongban.signing.models import Seal

    def counts() -> dict[str, int]:
        return {
            "types": LicenseType.objects.count(),
            "licences": License.objects.count(),
            "uses": LicenseUse.objects.count(),
            "imports": StockImport.objects.count(),
            "cases": Case.objects.count(),
            "seals": Seal.objects.count(),
            "licence ledger": LedgerEntry.objects.filter(action__startswith="license").count(),
        }

    before = counts()
    assert demo.load_types() == {"types": 0, "seals": 1}
    again = demo.load()
    assert again["types"] == again["issued"] == again["cases"] == 0
    assert counts() == before


def test_an_approved_demo_case_without_its_licence_gets_it(on_load_day: None) -> None:
    # As on a database whose demo cases were decided before the licence types existed.
    lic = License.objects.filter(source_case__idempotency_key="demo-closed").get()
    License.objects.filter(pk=lic.pk).update(source_case=None)
    before = License.objects.count()
    assert demo.issue_missing_licences() == 1
    new = License.objects.get(source_case__idempotency_key="demo-closed")
    assert new.pk != lic.pk and new.holder_credit_code == lic.holder_credit_code
    assert new.source_case is not None and new.issued_at == new.source_case.decided_at
    assert License.objects.count() == before + 1
    assert demo.issue_missing_licences() == 0
