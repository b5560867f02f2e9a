"""免证可办 over the API alone: the guide names the licence type a material accepts, the wallet lists the licence,
the case materials endpoint takes its identifier instead of a file, the case detail shows it."""

from __future__ import annotations

from typing import Any

from tongban.cases.choices import CaseState
from tongban.cases.models import Case, CaseMaterial
from tongban.cases.tests.api.client import Api
from tongban.cases.tests.factories import World
from tongban.cases.tests.licensing import TYPE_CODE, issued_license, reusing_item


def _wallet_items(body: Any) -> list[dict[str, Any]]:
    return body if isinstance(body, list) else body.get("items", [])


def test_an_applicant_applies_with_a_licence_through_the_api_alone(world: World) -> None:
    issued_license(world)
    version = reusing_item(world)
    citizen = Api(world.citizen)
    code = version.implementation.code

    guide = citizen.get(f"/catalog/items/{code}")
    assert guide.status_code == 200, guide.content
    material = next(m for m in guide.json()["materials"] if m["license_type_code"] == TYPE_CODE)
    wallet = citizen.get("/licenses")
    assert wallet.status_code == 200, wallet.content
    identifier = next(
        item["identifier"] for item in _wallet_items(wallet.json()) if item["status"] == "valid"
    )

    created = citizen.post("/cases", {"implementation_code": code, "form_data": {}})
    assert created.status_code == 201, created.content
    ref = created.json()["ref"]
    used = citizen.upload(
        f"/cases/{ref}/materials", {"material_id": material["id"], "license_identifier": identifier}
    )
    assert used.status_code == 201, used.content
    assert used.json()["license_identifier"] == identifier and used.json()["download_url"] is None
    submitted = citizen.post(f"/cases/{ref}/submit")
    assert submitted.status_code == 200, submitted.content
    detail = citizen.get(f"/cases/{submitted.json()['ref']}")
    rows = [m for m in detail.json()["materials"] if m["material_id"] == material["id"] and m["is_current"]]
    assert [m["license_identifier"] for m in rows] == [identifier]
    assert Case.objects.get(number=submitted.json()["number"]).state == CaseState.SUBMITTED


def test_the_api_refuses_another_persons_licence_with_a_stable_code(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    other = Api(world.citizen2)
    ref = other.post("/cases", {"implementation_code": version.implementation.code}).json()["ref"]
    material = version.materials.get(license_type_code=TYPE_CODE)
    answer = other.upload(
        f"/cases/{ref}/materials", {"material_id": material.pk, "license_identifier": lic.identifier}
    )
    assert answer.status_code == 422 and answer.json()["code"] == "LICENSE_NOT_REUSABLE"
    assert not CaseMaterial.objects.filter(case__public_id=ref).exists()


def test_a_licence_for_a_material_that_accepts_none_is_refused(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    citizen = Api(world.citizen)
    ref = citizen.post("/cases", {"implementation_code": version.implementation.code}).json()["ref"]
    plan = version.materials.get(name="场所平面图")
    answer = citizen.upload(
        f"/cases/{ref}/materials", {"material_id": plan.pk, "license_identifier": lic.identifier}
    )
    assert answer.status_code == 422 and answer.json()["code"] == "LICENSE_NOT_ACCEPTED"


def test_someone_elses_case_is_not_found_for_a_licence_either(world: World) -> None:
    lic = issued_license(world)
    version = reusing_item(world)
    ref = (
        Api(world.citizen).post("/cases", {"implementation_code": version.implementation.code}).json()["ref"]
    )
    material = version.materials.get(license_type_code=TYPE_CODE)
    answer = Api(world.citizen2).upload(
        f"/cases/{ref}/materials", {"material_id": material.pk, "license_identifier": lic.identifier}
    )
    assert answer.status_code == 404 and answer.json()["code"] == "CASE_NOT_FOUND"
    assert not CaseMaterial.objects.filter(case__public_id=ref).exists()
