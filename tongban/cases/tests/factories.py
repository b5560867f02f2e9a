"""Test data for the case engine: a small cast of personas and published items, built through real services.

Items are written with the ORM (published versions straight away) so the case tests do not depend on the catalog's
quality gate; everything that happens to a case afterwards goes through :mod:`tongban.cases.services`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tongban.accounts.choices import Role
from tongban.accounts.testing import (
    make_citizen,
    make_department,
    make_enterprise,
    make_enterprise_agent,
    make_region_tree,
    make_staff,
)
from tongban.cases import services
from tongban.cases.models import Case
from tongban.catalog.choices import CountersignMode, MaterialNecessity, VersionStatus
from tongban.catalog.models import Implementation, Item, ItemVersion, Material
from tongban.catalog.services import ensure_flow_templates

SHANGHAI = ZoneInfo("Asia/Shanghai")
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_codes = itertools.count(1)


def at(text: str) -> datetime:
    """An aware datetime from ``"2025-09-26 10:00"`` in Asia/Shanghai."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)


def pdf(name: str = "材料.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    """A small valid PDF upload."""
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class World:
    """Regions, departments and the persona cast every case test uses."""

    tree: Any
    scjg: Any  # 开封市市场监督管理局 (lead department)
    ga: Any  # 开封市公安局
    zj: Any  # 开封市住房和城乡建设局
    xf_scjg: Any  # 祥符区市场监督管理局
    township_office: Any  # 城关镇便民服务中心 (祥符区)
    clerk: Any  # city-wide clerk
    clerk_xiangfu: Any
    clerk_township: Any
    reviewer: Any
    reviewer2: Any  # a second reviewer of the lead department
    approver: Any
    approver2: Any  # a second approver of the lead department (决定 after the first one's 审核, 岗位分离)
    reviewer_ga: Any
    approver_ga: Any
    reviewer_zj: Any
    reviewer_xf: Any
    supervisor: Any
    supervisor_xiangfu: Any
    citizen: Any
    citizen2: Any
    agent: Any
    enterprise: Any


def make_world() -> World:
    """The cast (idempotent by username)."""
    tree = make_region_tree()
    scjg = make_department("开封市市场监督管理局", "市场监管", tree.city)
    ga = make_department("开封市公安局", "公安", tree.city)
    zj = make_department("开封市住房和城乡建设局", "住建", tree.city)
    xf_scjg = make_department("祥符区市场监督管理局", "市场监管", tree.xiangfu)
    township_office = make_department("城关镇便民服务中心", "综合", tree.xiangfu_township)
    enterprise = make_enterprise()
    return World(
        tree=tree,
        scjg=scjg,
        ga=ga,
        zj=zj,
        xf_scjg=xf_scjg,
        township_office=township_office,
        clerk=make_staff("t_clerk", Role.CLERK, region=tree.city),
        clerk_xiangfu=make_staff("t_clerk_xiangfu", Role.CLERK, region=tree.xiangfu),
        clerk_township=make_staff("t_clerk_township", Role.CLERK, region=tree.xiangfu_township),
        reviewer=make_staff("t_reviewer_scjg", Role.REVIEWER, department=scjg),
        reviewer2=make_staff("t_reviewer2_scjg", Role.REVIEWER, department=scjg),
        approver=make_staff("t_approver_scjg", Role.APPROVER, department=scjg),
        approver2=make_staff("t_approver2_scjg", Role.APPROVER, department=scjg),
        reviewer_ga=make_staff("t_reviewer_ga", Role.REVIEWER, department=ga),
        approver_ga=make_staff("t_approver_ga", Role.APPROVER, department=ga),
        reviewer_zj=make_staff("t_reviewer_zj", Role.REVIEWER, department=zj),
        reviewer_xf=make_staff("t_reviewer_xf", Role.REVIEWER, department=xf_scjg),
        supervisor=make_staff("t_supervisor", Role.SUPERVISOR, region=tree.city),
        supervisor_xiangfu=make_staff("t_supervisor_xf", Role.SUPERVISOR, region=tree.xiangfu),
        citizen=make_citizen("t_citizen", "王秀英"),
        citizen2=make_citizen("t_citizen2", "李建国"),
        agent=make_enterprise_agent("t_agent", enterprise=enterprise),
        enterprise=enterprise,
    )


def make_item(
    department: Any,
    *,
    name: str = "食品经营许可",
    review_departments: tuple[Any, ...] = (),
    countersign_mode: str = CountersignMode.ALL,
    promised_days: int | None = 10,
    legal_days: int | None = 20,
    acceptance_days: int = 5,
    materials: tuple[tuple[str, str], ...] = (("营业执照", MaterialNecessity.REQUIRED),),
    tolerance: bool = False,
    commitment: bool = False,
    accept_on_receipt: bool = False,
    form_schema: dict[str, Any] | None = None,
    delivery_modes: tuple[str, ...] = (),
    disclose_cases: bool = False,
) -> ItemVersion:
    """A published item version of ``department`` with the given materials ``(name, necessity)``."""
    ensure_flow_templates()
    n = next(_codes)
    item = Item.objects.create(base_code=f"0001{n:08d}", name=f"{name}{n}", item_type="01")
    implementation = Implementation.objects.create(
        item=item,
        department=department,
        region=department.region,
        level=department.level,
        code=f"{department.credit_code}{department.level}{item.base_code}",
    )
    version = ItemVersion.objects.create(
        implementation=implementation,
        number=1,
        status=VersionStatus.DRAFT,
        promised_days=promised_days,
        legal_days=legal_days,
        acceptance_days=acceptance_days,
        tolerance=tolerance,
        commitment=commitment,
        commitment_text="本人承诺符合许可条件，所提交材料真实有效。" if commitment else "",
        accept_on_receipt=accept_on_receipt,
        countersign_mode=countersign_mode,
        form_schema=form_schema or {},
        delivery_modes=list(delivery_modes),
        disclose_cases=disclose_cases,
        published_at=timezone.now(),
    )
    for order, (material_name, necessity) in enumerate(materials):
        Material.objects.create(version=version, order=order, name=material_name, necessity=necessity)
    if review_departments:
        version.review_departments.set(review_departments)
    # Published versions are immutable through save(); flip the status last, as the catalog's publish does.
    ItemVersion.objects.filter(pk=version.pk).update(status=VersionStatus.PUBLISHED)
    version.status = VersionStatus.PUBLISHED
    implementation.current_version = version
    implementation.save(update_fields=["current_version"])
    return version


def upload_required(case: Case, actor: Any, *, now: datetime | None = None) -> None:
    """Upload a PDF for every required material of the case's version."""
    for material in case.version.materials.filter(necessity=MaterialNecessity.REQUIRED):
        services.do_add_material(
            case, actor=actor, file=pdf(f"{material.name}.pdf"), material=material, now=now
        )


def submitted_case(
    world: World, version: ItemVersion, *, applicant: Any = None, now: datetime | None = None
) -> Case:
    """A submitted case of ``version`` by ``applicant`` (default: the citizen)."""
    applicant = applicant or world.citizen
    case = services.do_create_case(actor=applicant, version=version, form_data={"note": "测试"}, now=now)
    upload_required(case, applicant, now=now)
    return services.do_submit_case(case, actor=applicant, now=now)


def in_review_case(
    world: World, version: ItemVersion, *, now: datetime | None = None, clerk: Any = None
) -> Case:
    """A case accepted by the clerk and in review."""
    case = submitted_case(world, version, now=now)
    return services.do_accept_case(case, actor=clerk or world.clerk, now=now)


def decided_case(world: World, version: ItemVersion, *, now: datetime | None = None) -> Case:
    """A case of ``version`` walked through the single-department flow to an approving decision."""
    case = in_review_case(world, version, now=now)
    steps = (("review", world.reviewer), ("audit", world.approver), ("decide", world.approver2))
    for step, actor in steps:
        services.do_complete_task(
            open_task(case, step), actor=actor, outcome="approve", opinion="同意", now=now
        )
    return Case.objects.get(pk=case.pk)


def open_task(case: Case, step: str, department: Any = None) -> Any:
    """The active task of ``step`` (in ``department`` when given)."""
    tasks = case.tasks.filter(step=step, state__in=("open", "claimed"))
    if department is not None:
        tasks = tasks.filter(department=department)
    return tasks.get()
