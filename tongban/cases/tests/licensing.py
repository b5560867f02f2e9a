"""Test data for electronic licences in cases: a licence type, an item that issues it, an item it replaces a
material of, and a licence held by a citizen — all through the real services (an approved case issues it)."""

from __future__ import annotations

from typing import Any

from tongban.cases.models import Case
from tongban.cases.tests.factories import World, make_item
from tongban.catalog.choices import MaterialNecessity
from tongban.catalog.models import ItemVersion, Material
from tongban.organizations.choices import ExerciseLevel

# The defining agency's credit code (国家市场监督管理总局, a real code with its check character) and a number.
TYPE_CODE = "11100000MB0143028R101"
FACE_SCHEMA = {
    "type": "object",
    "properties": {
        "holder": {"type": "string", "title": "持证人"},
        "shop": {"type": "string", "title": "经营场所"},
    },
    "required": ["holder", "shop"],
}
FACE_MAPPING = {"holder": "$holder_name", "shop": "shop"}
SHOP_FORM = {"type": "object", "properties": {"shop": {"type": "string", "title": "经营场所"}}}


def define_type(code: str = TYPE_CODE) -> Any:
    """The demo licence type (by the platform itself, as the demo loader defines types)."""
    from tongban.licenses.services import do_define_license_type

    return do_define_license_type(
        actor=None,
        code=code,
        name="食品经营许可证（测试）",
        define_agency_name="国家市场监督管理总局",
        define_agency_level=ExerciseLevel.NATIONAL,
        issuing_level=ExerciseLevel.CITY,
        holder_category="person",
        validity_years=5,
        face_schema=FACE_SCHEMA,
        face_mapping=FACE_MAPPING,
        is_demo=True,
    )


def with_license_type(version: ItemVersion, code: str = TYPE_CODE) -> ItemVersion:
    """``version`` (published) now issues licences of ``code`` on approval; set as the catalog's editor would
    before publishing (published versions refuse ``save``)."""
    ItemVersion.objects.filter(pk=version.pk).update(license_type_code=code)
    version.refresh_from_db()
    return version


def issuing_item(world: World) -> ItemVersion:
    """An item of 市场监管 whose approval issues the test licence type; its form carries the face's 经营场所."""
    version = make_item(world.scjg, name="食品经营许可", materials=(), form_schema=SHOP_FORM)
    return with_license_type(version)


def reusing_item(world: World) -> ItemVersion:
    """An item with a required material the test licence type replaces (免证可办) and one it does not."""
    version = make_item(
        world.zj,
        name="餐饮油烟排放备案",
        materials=(
            ("食品经营许可证", MaterialNecessity.REQUIRED),
            ("场所平面图", MaterialNecessity.OPTIONAL),
        ),
    )
    Material.objects.filter(version=version, name="食品经营许可证").update(license_type_code=TYPE_CODE)
    return version


def licence_material(version: ItemVersion) -> Material:
    return version.materials.get(name="食品经营许可证")


def verified(user: Any) -> Any:
    """``user`` after the online real-name check (实名核验): only a verified account holds licences."""
    from tongban.licenses.tests.factories import verify

    return verify(user)


def issued_license(world: World, applicant: Any = None) -> Any:
    """A licence of the test type held by ``applicant`` (default the citizen, verified): issued by an approved
    case."""
    define_type()
    verified(applicant or world.citizen)
    version = issuing_item(world)
    from tongban.cases import services

    applicant = applicant or world.citizen
    case = services.do_create_case(
        actor=applicant, version=version, form_data={"shop": "开封市鼓楼区书店街1号"}
    )
    case = services.do_submit_case(case, actor=applicant)
    case = services.do_accept_case(case, actor=world.clerk)
    decided = walk_to_decision(world, case)
    from tongban.licenses.queries import fetch_licenses_for_case

    return fetch_licenses_for_case(decided).get()


def walk_to_decision(world: World, case: Case, *, approve: bool = True) -> Case:
    """Complete review, audit and decision of the single-department flow (the licences factories' walk)."""
    from tongban.licenses.tests.factories import decide

    return decide(world, case, approve=approve)
