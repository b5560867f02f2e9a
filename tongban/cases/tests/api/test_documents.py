"""The materials and notices of a case over the API, with download links behind the web downloads' access check."""

from __future__ import annotations

from typing import Any

import pytest

from tongban.cases.tests.api.client import Api
from tongban.cases.tests.factories import World, in_review_case, make_item


@pytest.fixture
def case(world: World) -> Any:
    return in_review_case(world, make_item(world.scjg))


def test_the_applicant_lists_materials_with_links_and_downloads_the_file(world: World, case: Any) -> None:
    citizen = Api(world.citizen)
    materials = citizen.get(f"/cases/{case.number}/materials").json()
    assert [m["name"] for m in materials] == ["营业执照"]
    link = materials[0]["download_url"]
    assert link == f"/api/v1/cases/{case.number}/materials/{materials[0]['id']}/file"
    response = citizen.client.get(link, **citizen.headers)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    detail = citizen.get(f"/cases/{case.number}").json()
    assert detail["materials"][0]["download_url"] == link


def test_the_notices_come_with_their_pdf(world: World, case: Any) -> None:
    citizen = Api(world.citizen)
    notices = citizen.get(f"/cases/{case.number}/notices").json()
    assert [n["kind"] for n in notices] == ["receipt", "acceptance"]
    link = notices[0]["pdf_url"]
    assert link == f"/api/v1/cases/{case.number}/notices/{notices[0]['id']}/pdf"
    response = citizen.client.get(link, **citizen.headers)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert citizen.get(f"/cases/{case.number}").json()["notices"][0]["pdf_url"] == link


def test_staff_in_scope_download_too(world: World, case: Any) -> None:
    reviewer = Api(world.reviewer)
    row = case.materials.get()
    assert reviewer.get(f"/cases/{case.number}/materials/{row.pk}/file").status_code == 200


@pytest.mark.parametrize("who", ["citizen2", "reviewer_ga", "reviewer_xf"])
def test_others_get_the_same_404_as_for_a_missing_case(world: World, case: Any, who: str) -> None:
    api = Api(getattr(world, who))
    row, notice = case.materials.get(), case.notices.first()
    for path in (
        f"/cases/{case.number}/materials",
        f"/cases/{case.number}/materials/{row.pk}/file",
        f"/cases/{case.number}/notices",
        f"/cases/{case.number}/notices/{notice.pk}/pdf",
    ):
        response = api.get(path)
        assert response.status_code == 404 and response.json()["code"] == "CASE_NOT_FOUND", path


def test_anonymous_callers_get_a_401(case: Any) -> None:
    row = case.materials.get()
    response = Api().get(f"/cases/{case.number}/materials/{row.pk}/file")
    assert response.status_code == 401 and response.json()["code"] == "NOT_AUTHENTICATED"


def test_a_material_or_notice_of_another_case_is_not_found(world: World, case: Any) -> None:
    other = in_review_case(world, make_item(world.scjg))
    citizen = Api(world.citizen)
    foreign_row, foreign_notice = other.materials.get(), other.notices.first()
    response = citizen.get(f"/cases/{case.number}/materials/{foreign_row.pk}/file")
    assert response.status_code == 404 and response.json()["code"] == "NOT_FOUND"
    assert citizen.get(f"/cases/{case.number}/notices/{foreign_notice.pk}/pdf").status_code == 404
    assert citizen.get(f"/cases/{case.number}/materials/0/file").status_code == 422
    assert citizen.get(f"/cases/{case.number}/materials/{2**63}/file").status_code == 422


def test_a_tolerated_material_has_no_link_until_it_is_supplied(world: World) -> None:
    from tongban.cases import services
    from tongban.cases.tests.factories import submitted_case
    from tongban.catalog.choices import MaterialNecessity

    version = make_item(
        world.scjg,
        tolerance=True,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("卫生许可", MaterialNecessity.TOLERABLE)),
    )
    tolerable = version.materials.get(name="卫生许可")
    case = services.do_accept_case(
        submitted_case(world, version), actor=world.clerk, tolerated_materials=[tolerable]
    )
    citizen = Api(world.citizen)
    rows = {m["name"]: m for m in citizen.get(f"/cases/{case.number}/materials").json()}
    assert rows["卫生许可"]["tolerated"] and rows["卫生许可"]["download_url"] is None
    # 补交 over the same upload endpoint, by the catalog material's id.
    from tongban.cases.tests.factories import pdf

    supplied = citizen.upload(f"/cases/{case.number}/materials", {"material_id": tolerable.pk, "file": pdf()})
    assert supplied.status_code == 201, supplied.content
    assert supplied.json()["supplied_at"] and supplied.json()["download_url"]
