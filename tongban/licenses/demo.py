"""Demo licences for the Kaifeng demo city (演示数据), made through the real services.

Two loader steps (``tongban.core.management.commands.load_demo``):

* :func:`load_types` runs **before** the demo cases: it defines the demo licence types of
  ``demo_data/license_types.json`` and the seals, so that every demo case approved by ``cases.demo`` gets its
  licence in the approval itself (``licenses.services.issue_for_case`` inside the decision's transaction);
* :func:`load` runs **after** them: it issues the licences an approved demo case still lacks (a database whose
  cases were loaded before the types existed), applies for and decides a few more demo cases so that ``citizen``
  and ``agent``'s enterprises hold several licences (one of them using a licence instead of an upload, 免证可办),
  and imports a few hundred generated stock licences (存量证照) through the stock import, synchronously.

Both are idempotent: a second run changes nothing. Every date is counted back from the day the demo is loaded.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from stdnum.cn import ric

from tongban.core.errors import DomainError
from tongban.core.validators import make_credit_code

logger = logging.getLogger(__name__)

TYPES_FILE = Path(__file__).resolve().parent / "demo_data" / "license_types.json"
# Keys of the JSON entries that are not LicenseType fields: the catalog items the type belongs to (关联事项名称).
NOT_TYPE_FIELDS = ("related_items",)
# Idempotency keys of the cases this loader applies for (not "demo-…", which are cases.demo's scenarios).
CASE_KEY_PREFIX = "licences-demo-"
STOCK_FILENAME = "演示存量证照（通办演示数据）.csv"
STOCK_PERSONS = 150
STOCK_ENTERPRISES = 150
DEMO_PDF = b"%PDF-1.4\n% Tongban demo material\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Demo licence types of the stock file, with the city department category that issued them.
STOCK_PERSON_TYPES = (
    ("11100000TBDEM00057001", "教育"),  # 教师资格证书
    ("11100000TBDEM0006A001", "残联"),  # 残疾人证
    ("11100000TBDEM00031002", "公安"),  # 机动车驾驶证
    ("11100000TBDEM00031001", "公安"),  # 居住证
    ("11100000TBDEM00044001", "民政"),  # 结婚证
    ("11100000TBDEM0012Y001", "司法"),  # 律师执业证
)
STOCK_ENTERPRISE_TYPES = (
    ("11100000TBDEM0001T001", "市场监管"),  # 营业执照
    ("11100000TBDEM0001T003", "市场监管"),  # 食品经营许可证
    ("11100000TBDEM0009K001", "烟草"),  # 烟草专卖零售许可证
    ("11100000TBDEM0008G001", "生态环境"),  # 排污许可证
    ("11100000TBDEM0007D001", "交通"),  # 道路运输经营许可证
    ("11100000TBDEM0010Q001", "卫健"),  # 公共场所卫生许可证
    ("11100000TBDEM0002X001", "市场监管"),  # 药品经营许可证
    ("11100000TBDEM00031003", "公安"),  # 特种行业许可证（旅馆业）
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN_NAMES = ("伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "霞")
# Face values of the stock file by face field (the rest from the demo's plausible texts, by title).
STOCK_FACE_TEXT = {
    "subject": ("语文", "数学", "英语", "音乐", "体育与健康"),
    "law_firm": ("河南汴梁律师事务所（演示）", "河南宋都律师事务所（演示）"),
    "industry": ("食品制造业", "纺织业", "汽车制造业", "农副食品加工业"),
    "outlets": ("废水总排口：化学需氧量、氨氮", "锅炉废气排放口：颗粒物、二氧化硫、氮氧化物"),
    "business_items": ("预包装食品销售（含冷藏冷冻食品）", "热食类食品制售", "散装食品销售"),
    "business_scope": ("中成药、化学药制剂、抗生素制剂、生化药品、生物制品（限零售）",),
    "quality_lead": ("刘洋", "陈静", "孙丽"),
    "partner_name": ("李娜", "赵磊", "周强", "杨帆"),
    "file_number": ("410200{n:06d}",),
    "qualification_no": ("A2019{n:07d}",),
    "hotel_name": ("开封演示第{n}号宾馆",),
}
TRADES = ("商贸", "餐饮", "食品", "物流", "环保科技", "文化传媒", "医药", "酒店管理", "建材", "农业发展")


class DemoLicensesError(RuntimeError):
    """The demo licences cannot be loaded (missing personas, items or a failed import)."""


# --- the licence types ---------------------------------------------------------------------------------------------


@cache
def demo_license_types() -> tuple[dict[str, Any], ...]:
    """The demo licence types as written in ``demo_data/license_types.json`` (with ``related_items``)."""
    with TYPES_FILE.open(encoding="utf-8") as handle:
        return tuple(json.load(handle)["types"])


def _type_fields(spec: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in spec.items() if key not in NOT_TYPE_FIELDS}


def load_license_types(*, actor: Any = None) -> int:
    """Define every demo licence type (``do_define_license_type`` is idempotent on ``code``); returns how many
    were new. ``actor=None`` is the platform itself."""
    from tongban.licenses.models import LicenseType
    from tongban.licenses.services import do_define_license_type

    existing = set(LicenseType.objects.values_list("code", flat=True))
    for spec in demo_license_types():
        do_define_license_type(actor=actor, **_type_fields(spec))
    return len({spec["code"] for spec in demo_license_types()} - existing)


def ensure_demo_seals(*, actor: Any = None) -> int:
    """The seal of every department that issues a demo licence type (one city approval seal by default)."""
    from tongban.catalog.models import ItemVersion
    from tongban.organizations.models import Department
    from tongban.signing.services import ensure_seal

    codes = [spec["code"] for spec in demo_license_types()]
    department_ids = (
        ItemVersion.objects.filter(license_type_code__in=codes, implementation__current_version__isnull=False)
        .values_list("implementation__department_id", flat=True)
        .distinct()
    )
    seals = {
        ensure_seal(department, actor=actor).pk
        for department in Department.objects.filter(pk__in=department_ids)
    }
    return len(seals)


def load_types() -> dict[str, int]:
    """Loader step before the demo cases: the types and their seals, so approvals issue licences themselves."""
    return {"types": load_license_types(actor=None), "seals": ensure_demo_seals(actor=None)}


# --- licences of the approved demo cases ----------------------------------------------------------------------------


def _demo_cases() -> Any:
    from django.db.models import Q

    from tongban.cases.models import Case

    return Case.objects.filter(
        Q(idempotency_key__startswith="demo-") | Q(idempotency_key__startswith=CASE_KEY_PREFIX)
    )


def issue_missing_licences() -> int:
    """Issue the licence of every approved demo case whose item names a demo type and that has none yet.

    Needed only where the demo cases were decided before the types existed; the licence is dated at the decision
    and issued by whoever decided (``issue_for_case`` is idempotent per case).
    """
    from tongban.licenses.services import issue_for_case

    codes = [spec["code"] for spec in demo_license_types()]
    missing = (
        _demo_cases()
        .filter(decision__approve=True, version__license_type_code__in=codes, licenses__isnull=True)
        .select_related(
            "decision", "decision__decided_by", "version", "department", "enterprise", "applicant_user"
        )
        .order_by("id")
    )
    issued = 0
    for case in missing:
        if issue_for_case(
            case, actor=case.decision.decided_by, now=case.decided_at or case.decision.decided_at
        ):
            issued += 1
    return issued


# --- more demo cases, so the wallets hold several licences ---------------------------------------------------------


def _users() -> dict[str, Any]:
    from tongban.accounts.models import User

    wanted = [
        "citizen", "agent", "clerk", "reviewer_scjg", "approver_scjg", "leader_scjg", "reviewer_ga", "approver_ga",
        "leader_ga", "reviewer_mz", "approver_mz", "leader_mz", "data_admin", "sysadmin",
    ]  # fmt: skip
    users = {u.username: u for u in User.objects.filter(username__in=wanted)}
    missing = sorted(set(wanted) - set(users) - {"data_admin"})
    if missing:
        raise DemoLicensesError(f"缺少演示账号（请先加载 accounts 演示数据）：{', '.join(missing)}")
    return users


def _city_version(item_name: str) -> Any:
    from tongban.catalog.models import Implementation
    from tongban.organizations.choices import RegionLevel

    implementation = (
        Implementation.objects.filter(
            item__name=item_name,
            department__region__level=RegionLevel.CITY,
            current_version__isnull=False,
        )
        .select_related("current_version")
        .first()
    )
    if implementation is None:
        raise DemoLicensesError(f"缺少演示事项“{item_name}”，请先加载 catalog 演示数据")
    return implementation.current_version


def _delivery(version: Any) -> str:
    """电子送达 where the item offers it: the licence is then in the holder's wallet at the decision."""
    return "electronic" if "electronic" in (version.delivery_modes or []) else ""


def _apply(
    key: str,
    item_name: str,
    applicant: Any,
    *,
    when: datetime,
    enterprise: Any = None,
    form: dict[str, Any] | None = None,
) -> Any:
    """Create a demo case (``form`` over the plausible demo form data), satisfy each required material with a
    licence the applicant holds (免证可办) or else an upload, sign the 告知承诺 where the item has one; ``None`` when
    the case already exists."""
    from tongban.cases import services as case_services
    from tongban.cases.demo import demo_form_data
    from tongban.cases.models import Case
    from tongban.catalog.choices import MaterialNecessity
    from tongban.licenses.queries import fetch_reusable_licenses

    if Case.objects.filter(created_by=applicant, idempotency_key=key).exists():
        return None
    version = _city_version(item_name)
    case = case_services.do_create_case(
        actor=applicant,
        version=version,
        form_data={**demo_form_data(version, applicant, enterprise), **(form or {})},
        enterprise=enterprise,
        idempotency_key=key,
        delivery_mode=_delivery(version),
        now=when,
    )
    for material in version.materials.filter(necessity=MaterialNecessity.REQUIRED):
        held = fetch_reusable_licenses(applicant, [material.license_type_code], enterprise=enterprise)
        if held:
            case_services.do_use_license(
                case, actor=applicant, material=material, license_identifier=held[0].identifier, now=when
            )
        else:
            case_services.do_add_material(
                case, actor=applicant, file=ContentFile(DEMO_PDF, name=f"{material.name[:40]}.pdf"),
                material=material, now=when,
            )  # fmt: skip
    if version.commitment:
        case = case_services.do_sign_commitment(case, actor=applicant, now=when)
    return case


# Who decides a demo case: (审查 reviewer, 审核 approver, 决定 leader, the clerk who accepts it).
Deciders = tuple[Any, Any, Any, Any]


def _decide(case: Any, deciders: Deciders, *, when: datetime) -> Any:
    """Submit, accept and approve ``case`` (审查 → 审核 → 决定 by three people) an hour apart on ``when``'s day."""
    from tongban.cases import services as case_services
    from tongban.cases.choices import CaseState, TaskState
    from tongban.cases.models import Case

    reviewer, approver, leader, clerk = deciders
    case = case_services.do_submit_case(case, actor=case.created_by, now=when)
    if case.state == CaseState.SUBMITTED:  # 收件即受理 items are accepted on submission
        case = case_services.do_accept_case(case, actor=clerk, note="材料齐全", now=when + timedelta(hours=1))
    for step, actor, opinion in (
        ("review", reviewer, "材料齐全，符合条件。"),
        ("audit", approver, "同意。"),
        ("decide", leader, "准予许可。"),
    ):
        case = Case.objects.get(pk=case.pk)
        if case.state != CaseState.IN_REVIEW:
            break  # 告知承诺: decided at acceptance
        task = (
            case.tasks.filter(step=step, state__in=(TaskState.OPEN, TaskState.CLAIMED)).order_by("id").first()
        )
        if task is None:
            raise DemoLicensesError(f"演示办件 {case.number} 没有“{step}”环节")
        case_services.do_complete_task(
            task, actor=actor, outcome="approve", opinion=opinion, now=when + timedelta(hours=2)
        )
    return Case.objects.get(pk=case.pk)


def _enterprises(agent: Any) -> tuple[Any, Any]:
    from tongban.accounts.models import Enterprise

    mine = Enterprise.objects.filter(agents__agent=agent, agents__status="active")
    food, culture = mine.filter(name__contains="食品").first(), mine.filter(name__contains="文化").first()
    if food is None or culture is None:
        raise DemoLicensesError("缺少演示企业（请先加载 accounts 演示数据）")
    return food, culture


def load_demo_cases(users: dict[str, Any], *, today: date | None = None) -> int:
    """Apply for and decide the demo cases that give the wallets their licences; returns how many were new.

    ``citizen`` (王秀英): 机动车驾驶证, 结婚证 and 个体工商户营业执照, besides the 无犯罪记录证明 of ``cases.demo``;
    and a draft 出租汽车驾驶员从业资格证 application that uses the 驾驶证 instead of an upload. ``agent`` (赵敏):
    the 食品经营许可证 of 汴梁食品 (its 营业执照 material satisfied by the company's electronic 营业执照) and the
    营业执照 of 宋韵文化, besides the 营业执照 and 公共场所卫生许可证 of ``cases.demo``.
    """
    from tongban.accounts.demo import CITIZENS
    from tongban.cases.demo import working_days_ago

    citizen, agent, clerk = users["citizen"], users["agent"], users["clerk"]
    food, culture = _enterprises(agent)
    scjg = (users["reviewer_scjg"], users["approver_scjg"], users["leader_scjg"], clerk)
    ga = (users["reviewer_ga"], users["approver_ga"], users["leader_ga"], clerk)
    mz = (users["reviewer_mz"], users["approver_mz"], users["leader_mz"], clerk)
    citizen2 = CITIZENS[1]  # 李建国: the partner on 王秀英's 结婚证
    # (key, item, applicant, enterprise, deciders or None for a draft, working days ago, form values)
    scenarios: list[tuple[str, str, Any, Any, Deciders | None, int, dict[str, Any]]] = [
        ("driving", "机动车驾驶证核发（换证、补证）", citizen, None, ga, 9, {}),
        ("marriage", "内地居民结婚登记", citizen, None, mz, 8,
         {"partner_name": citizen2.real_name, "partner_id_number": citizen2.id_number, "partner_phone": citizen2.phone}),
        ("shop", "个体工商户登记", citizen, None, scjg, 7, {}),
        ("culture-registration", "企业设立登记", agent, culture, scjg, 7,
         {"company_name": culture.name, "legal_rep_name": culture.legal_representative,
          "business_scope": "文化艺术交流活动策划；会议及展览服务；广告设计、代理"}),
        # After cases.demo's 企业设立登记 of 汴梁食品 (decided 5 working days ago): its 营业执照 replaces the upload.
        ("food-business", "食品经营许可", agent, food, scjg, 4, {"business_type": "catering"}),
        ("taxi-draft", "出租汽车驾驶员从业资格证核发", citizen, None, None, 1, {}),
    ]  # fmt: skip
    created = 0
    for key, item_name, applicant, enterprise, deciders, days, form in scenarios:
        when = working_days_ago(days, today=today)
        try:
            case = _apply(
                f"{CASE_KEY_PREFIX}{key}", item_name, applicant, when=when, enterprise=enterprise, form=form
            )
            if case is None:
                continue
            if deciders is not None:
                _decide(case, deciders, when=when + timedelta(hours=1))
        except DomainError as exc:
            raise DemoLicensesError(f"演示办件“{item_name}”：{exc.code} {exc.message} {exc.fields}") from exc
        created += 1
    return created


# --- the stock import (存量证照) -------------------------------------------------------------------------------------


def _person(n: int) -> tuple[str, str]:
    """The ``n``-th demonstration resident: a name marked 演示 and an ID number with a valid check digit."""
    birth = date(1960, 1, 1) + timedelta(days=(n * 97) % 14600)
    body = f"410202{birth:%Y%m%d}{(n % 500) * 2 + 1:03d}"[:17]
    name = f"{SURNAMES[n % len(SURNAMES)]}{GIVEN_NAMES[(n // 3) % len(GIVEN_NAMES)]}（演示）"
    return name, body + ric.calc_check_digit(body + "0")  # it reads the first 17 characters


def _enterprise(n: int) -> tuple[str, str]:
    """The ``n``-th demonstration enterprise: 开封演示… and a credit code with a valid GB 32100 check character."""
    name = f"开封演示第{n:03d}号{TRADES[n % len(TRADES)]}有限公司"
    return name, make_credit_code(f"91410200TBDEM{n:04d}")


def _face_value(key: str, prop: dict[str, Any], source: str, row: dict[str, Any], n: int) -> Any:
    from tongban.cases.demo import demo_text

    if source == "$holder_name":
        return row["持证主体名称"]
    if source == "$holder_id":
        return row["持证主体代码"]
    if source == "$department":
        return row["_issuer_name"]
    if source == "$issue_date":
        return row["颁发日期"]
    if source == "$case_number":
        return f"CL{row['证照编号']}"
    if prop.get("enum"):
        return prop["x-enum-labels"][n % len(prop["enum"])] if prop.get("x-enum-labels") else prop["enum"][0]
    if prop.get("type") in ("integer", "number"):
        return 10 + n % 90
    choices = STOCK_FACE_TEXT.get(key)
    if choices:
        return choices[n % len(choices)].format(n=n)
    if key == "partner_id":
        return _person(n + 7919)[1]
    text = demo_text(str(prop.get("title") or key), n)
    return text[: prop["maxLength"]] if prop.get("maxLength") else text


def stock_rows(
    today: date, *, persons: int = STOCK_PERSONS, enterprises: int = STOCK_ENTERPRISES
) -> list[dict[str, Any]]:
    """The demo stock file's rows: licences issued over the years before ``today`` to demonstration holders.

    The first rows belong to the personas, so their wallets show a converted licence too: ``citizen``'s 教师资格证书
    and the 烟草专卖零售许可证 of ``agent``'s 汴梁食品. Face columns are named by the face field's key.
    """
    # ENTERPRISES are the ones the demo agent is authorised for; the first is 汴梁食品.
    from tongban.accounts.demo import CITIZENS, ENTERPRISES
    from tongban.organizations.choices import RegionLevel
    from tongban.organizations.queries import fetch_departments

    departments = {
        d.category: d for d in fetch_departments().filter(region__level=RegionLevel.CITY).order_by("sort_order", "id")
        if d.category
    }  # fmt: skip
    types = {spec["code"]: spec for spec in demo_license_types()}
    holders: list[tuple[str, str, str, str]] = [
        (STOCK_PERSON_TYPES[0][0], STOCK_PERSON_TYPES[0][1], CITIZENS[0].real_name, CITIZENS[0].id_number),
        (STOCK_ENTERPRISE_TYPES[2][0], STOCK_ENTERPRISE_TYPES[2][1], ENTERPRISES[0][1], ENTERPRISES[0][0]),
    ]
    for n in range(1, persons):
        code, category = STOCK_PERSON_TYPES[n % len(STOCK_PERSON_TYPES)]
        holders.append((code, category, *_person(n)))
    for n in range(1, enterprises - 1 + 1):
        code, category = STOCK_ENTERPRISE_TYPES[n % len(STOCK_ENTERPRISE_TYPES)]
        holders.append((code, category, *_enterprise(n)))
    rows: list[dict[str, Any]] = []
    for n, (code, category, holder_name, holder_code) in enumerate(holders):
        spec, department = types[code], departments.get(category)
        if department is None:
            raise DemoLicensesError(
                f"演示存量证照：开封市没有“{category}”类部门（请先加载 organizations 演示数据）"
            )
        issued = today - timedelta(days=60 + (n * 37) % 3000)
        years = spec["validity_years"]
        until = "长期" if years is None else _add_years(issued, years).isoformat()
        row: dict[str, Any] = {
            "证照类型代码": code,
            "证照编号": f"KFCL{issued:%Y}{n + 1:06d}",
            "持证主体名称": holder_name,
            "持证主体代码": holder_code,
            "颁发机构代码": department.credit_code,
            "颁发日期": issued.isoformat(),
            "有效期起始": issued.isoformat(),
            "有效期截止": until,
            "版本号": "001",
            "_issuer_name": department.name,
        }
        properties = spec["face_schema"]["properties"]
        for key, source in spec["face_mapping"].items():
            row[key] = _face_value(key, properties[key], source, row, n)
        del row["_issuer_name"]
        rows.append(row)
    return rows


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def run_stock_import(actor: Any, *, today: date | None = None) -> Any:
    """Import the demo stock file once (skipped when an import of it exists), synchronously; the import row."""
    from tongban.licenses.choices import StockImportStatus
    from tongban.licenses.models import StockImport
    from tongban.licenses.stock.services import import_stock_rows
    from tongban.licenses.stock.services import run_stock_import as run_import

    done = StockImport.objects.filter(filename=STOCK_FILENAME).order_by("id").first()
    if done is not None:
        return done
    stock_import = import_stock_rows(
        stock_rows(today or timezone.localdate()), actor=actor, filename=STOCK_FILENAME
    )
    # Synchronously, so the demo is complete when the loader returns (the queued task then finds it done).
    result = run_import(stock_import.pk)
    if result is None or result.status != StockImportStatus.DONE or result.rejected_count:
        raise DemoLicensesError(
            f"演示存量证照导入未完成：{getattr(result, 'status', '')} {getattr(result, 'error', '')} "
            f"拒收 {getattr(result, 'rejected_count', '')} 行"
        )
    return result


# --- the loader steps ----------------------------------------------------------------------------------------------


def load_demo_licenses(*, actor: Any) -> dict[str, int]:
    """Everything of the demo's licences, in order; ``actor`` runs the stock import (a data administrator or
    superuser). Idempotent: a second run changes nothing."""
    counts = {"types": load_license_types(actor=None), "seals": ensure_demo_seals(actor=None)}
    counts["issued"] = issue_missing_licences()
    counts["cases"] = load_demo_cases(_users())
    counts["issued"] += issue_missing_licences()
    counts["stock"] = run_stock_import(actor).imported_count
    return counts


def load() -> dict[str, int]:
    """Loader step after the demo cases (see the module docstring)."""
    users = _users()
    counts = load_demo_licenses(actor=users.get("data_admin") or users["sysadmin"])
    logger.info("licenses demo: %s", counts)
    return counts
