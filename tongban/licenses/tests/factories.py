"""Test data for licences: a licence type, an item that issues it, and licences issued through the real services.

Licences come from real case decisions (``cases`` factories) or from :func:`issue_license`, which calls
``issue_for_case`` on a case walked to its decision, so every row carries a real signed payload.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tongban.accounts.choices import IdentityLevel
from tongban.accounts.models import PopulationRecord, User
from tongban.accounts.services import do_verify_real_name
from tongban.cases.models import Case
from tongban.cases.tests.factories import World, make_item, open_task
from tongban.catalog.models import ItemVersion
from tongban.licenses import services
from tongban.licenses.models import License, LicenseType

# 住房和城乡建设部's credit code as the defining agency (a real one, reference standards-cn §3.4).
DEFINING_AGENCY_CODE = "11100000000013338W"

FACE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "holder": {"type": "string", "title": "持证人", "minLength": 1},
        "id": {"type": "string", "title": "证件号码", "minLength": 1},
        "shop_name": {"type": "string", "title": "经营场所名称", "minLength": 1},
        "case_number": {"type": "string", "title": "办件编号"},
        "issue_date": {"type": "string", "title": "发证日期"},
        "issuer": {"type": "string", "title": "发证机关"},
    },
    "required": ["holder", "id", "shop_name", "issue_date", "issuer"],
}
FACE_MAPPING = {
    "holder": "$holder_name",
    "id": "$holder_id",
    "shop_name": "shop_name",
    "case_number": "$case_number",
    "issue_date": "$issue_date",
    "issuer": "$department",
}


def make_license_type(code: str = f"{DEFINING_AGENCY_CODE}032", **fields: Any) -> LicenseType:
    """A licence type defined through ``do_define_license_type`` (by the platform: ``actor=None``)."""
    defaults: dict[str, Any] = {
        "name": "食品经营许可证",
        "define_agency_name": "住房和城乡建设部",
        "holder_category": "person",
        "validity_years": 5,
        "face_schema": FACE_SCHEMA,
        "face_mapping": FACE_MAPPING,
    }
    return services.do_define_license_type(actor=None, code=code, **(defaults | fields))


def make_license_item(department: Any, license_type: LicenseType, **kwargs: Any) -> ItemVersion:
    """A published item version of ``department`` whose approval issues ``license_type``."""
    version = make_item(department, materials=(), **kwargs)
    # Published versions are immutable through save(); set the field as the catalog editor would before publishing.
    ItemVersion.objects.filter(pk=version.pk).update(license_type_code=license_type.code)
    version.license_type_code = license_type.code
    return version


def verify(user: User) -> User:
    """Raise ``user`` to 实名核验 through the real-name check (a matching population record)."""
    if user.identity_level != IdentityLevel.UNVERIFIED:
        return user
    PopulationRecord.objects.get_or_create(id_number=user.id_number, defaults={"name": user.real_name})
    do_verify_real_name(user)
    user.refresh_from_db()  # the caller's object (a fixture's persona) sees the new level too
    return user


def case_for(
    world: World,
    version: ItemVersion,
    *,
    applicant: Any = None,
    form_data: dict[str, Any] | None = None,
    now: datetime | None = None,
    on_behalf_of_enterprise: bool = False,
) -> Case:
    """A case in review of ``version`` filed by ``applicant`` (default the citizen), optionally for the enterprise."""
    from tongban.cases import services as case_services

    applicant = applicant or world.citizen
    extra: dict[str, Any] = {"enterprise": world.enterprise} if on_behalf_of_enterprise else {}
    case = case_services.do_create_case(
        actor=applicant, version=version, form_data=form_data or {"shop_name": "汴梁小吃店"}, now=now, **extra
    )
    case = case_services.do_submit_case(case, actor=applicant, now=now)
    return case_services.do_accept_case(case, actor=world.clerk, now=now)


def issue_license(
    world: World,
    license_type: LicenseType | None = None,
    *,
    applicant: Any = None,
    form_data: dict[str, Any] | None = None,
    now: datetime | None = None,
    on_behalf_of_enterprise: bool = False,
    department: Any = None,
) -> License:
    """A licence issued by ``issue_for_case`` for a case of the city market regulator (by its approver)."""
    license_type = license_type or make_license_type()
    version = make_license_item(department or world.scjg, license_type)
    case = case_for(
        world,
        version,
        applicant=applicant,
        form_data=form_data,
        now=now,
        on_behalf_of_enterprise=on_behalf_of_enterprise,
    )
    lic = services.issue_for_case(case, actor=world.approver, now=now)
    assert lic is not None
    return lic


def decide(world: World, case: Case, *, approve: bool = True, now: datetime | None = None) -> Case:
    """Walk a case in review through the single-department flow to its decision (the real cases services)."""
    from tongban.cases import services as case_services

    steps = (("review", world.reviewer), ("audit", world.approver), ("decide", world.approver2))
    for step, actor in steps:
        outcome = "approve" if approve or step != "decide" else "reject"
        case_services.do_complete_task(
            open_task(case, step),
            actor=actor,
            outcome=outcome,
            opinion="同意" if approve else "不予许可",
            now=now,
        )
    return Case.objects.get(pk=case.pk)
