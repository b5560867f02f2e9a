"""Demo cases for the Kaifeng demo city, made by calling the real services (load order: organizations → accounts →
catalog → cases).

``load()`` is idempotent: every scenario carries an idempotency key on its applicant (or window clerk), and a
scenario whose case already exists is skipped. Every date is counted back in working days from the day the demo is
loaded (through the services' ``now`` argument, which the ledger keeps as ``effective_at``), so on any day the
inboxes show green, yellow and red cases and the timelines agree with the notices; nothing depends on a fixed date.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from stdnum.cn import ric

from tongban.cases import services
from tongban.cases.choices import TaskState
from tongban.cases.models import Case, CaseTask
from tongban.catalog.choices import MaterialNecessity
from tongban.catalog.models import Implementation, ItemVersion
from tongban.catalog.services import ensure_flow_templates
from tongban.core.calendar import is_working_day
from tongban.core.errors import DomainError
from tongban.core.validators import is_valid_id_number

logger = logging.getLogger(__name__)
SHANGHAI = ZoneInfo("Asia/Shanghai")
DEMO_PDF = b"%PDF-1.4\n% Tongban demo material\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class DemoCasesError(RuntimeError):
    """The demo cases cannot be loaded (missing catalog items or personas)."""


def working_days_ago(n: int, hour: int = 10, today: date | None = None) -> datetime:
    """A Shanghai-time moment ``n`` working days before today (0 = today)."""
    day = today or timezone.localdate()
    remaining = n
    while remaining:
        day -= timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return datetime.combine(day, time(hour, 0), tzinfo=SHANGHAI)


DEMO_USERS = [
    "citizen", "citizen2", "agent", "clerk", "reviewer_scjg", "approver_scjg", "leader_scjg", "reviewer_ga",
    "approver_ga", "leader_ga", "reviewer_zj", "approver_zj", "reviewer_wj", "reviewer_mz", "approver_mz",
    "reviewer_wl", "approver_wl", "reviewer_zrzy", "approver_zrzy", "supervisor",
]  # fmt: skip


def _users() -> dict[str, Any]:
    from tongban.accounts.models import User

    users = {u.username: u for u in User.objects.filter(username__in=DEMO_USERS)}
    missing = sorted(set(DEMO_USERS) - set(users))
    if missing:
        raise DemoCasesError(f"缺少演示账号（请先加载 accounts 演示数据）：{', '.join(missing)}")
    return users


def _version(item_name: str, department_name: str) -> ItemVersion:
    implementation = (
        Implementation.objects.filter(
            item__name=item_name, department__name=department_name, current_version__isnull=False
        )
        .select_related("current_version")
        .first()
    )
    if implementation is None:
        raise DemoCasesError(f"缺少演示事项“{item_name}”（{department_name}），请先加载 catalog 演示数据")
    version = implementation.current_version
    assert version is not None  # filtered on current_version__isnull=False
    return version


DEMO_NAMES = ("张伟", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "孙丽", "周强")
# Plausible text for a free-text field, chosen by words in its title (first match wins); never "演示：…".
TEXT_BY_TITLE: tuple[tuple[tuple[str, ...], str], ...] = (
    (("邮编",), "475000"),
    (("就医地",), "河南省开封市鼓楼区"),
    (("地址", "坐落", "地点", "场所", "住所", "居住地"), "开封市鼓楼区中山路北段{n}号"),
    (("律师事务所",), "河南汴梁律师事务所"),
    (("学校",), "开封市汴京实验学校"),
    (("医院", "医疗机构"), "开封市第一人民医院"),
    (("银行", "网点"), "中国工商银行开封分行营业部"),
    (("旅馆", "宾馆"), "开封市汴河宾馆"),
    (("项目名称", "工程名称"), "开封市宋都古城片区综合改造项目"),
    (("楼栋",), "3号楼、5号楼"),
    (("个体工商户名称", "字号"), "鼓楼区汴梁小吃店"),
    (("单位", "企业名称", "名称"), "开封市汴梁商贸有限公司"),
    (("姓名", "负责人", "受托人", "当事人", "对方", "校长", "人员", "权利人", "清算组"), "{name}"),
    (("编号", "证号", "证书号", "账号", "卡号", "号码", "准考证", "代码", "文号", "编码"), "KF{n:08d}"),
    (("经营范围", "经营项目"), "预包装食品销售；热食类食品制售"),
    (
        ("范围", "科目", "类别", "险种", "品种", "学科", "岗位", "意向", "条目", "行业", "规模", "种类"),
        "按所附材料",
    ),
    (
        ("理由", "原因", "说明", "情况", "经过", "目的", "概要", "事项", "内容", "信息"),
        "因工作和生活需要申请办理，具体情况详见所附材料",
    ),
)


def demo_text(title: str, n: int) -> str:
    """A plausible value for a free-text form field titled ``title`` (the ``n``-th of the demo)."""
    for words, text in TEXT_BY_TITLE:
        if any(word in title for word in words):
            return text.format(n=n, name=DEMO_NAMES[n % len(DEMO_NAMES)])
    return "详见所附材料"


def _demo_value(spec: Any, user: Any, enterprise: Any, n: int) -> Any:
    """A value of the field's type for the ``n``-th field of a demo form."""
    if spec.enum:
        return spec.enum[0]
    if spec.type == "boolean":
        return True
    if spec.type in ("number", "integer"):
        value = spec.minimum if spec.minimum is not None else 1
        return int(max(value, 1)) if spec.type == "integer" else max(value, 1)
    if spec.format == "date":
        # Relative to the day the demo is loaded, like every demo date.
        return (timezone.localdate() - timedelta(days=30 + n)).isoformat()
    if spec.format == "email":
        return "demo@example.com"
    if spec.x_format == "id_number":
        return getattr(user, "id_number", "") or "410202199001010018"
    if spec.x_format == "phone":
        return "13800000000"
    if spec.x_format == "credit_code":
        return getattr(enterprise, "credit_code", "") or "91410200MA9TEQ007A"
    text = demo_text(spec.title, n)
    if spec.min_length and len(text) < spec.min_length:
        text = text.ljust(spec.min_length, "。")
    return text[: spec.max_length] if spec.max_length else text


def demo_form_data(version: ItemVersion, user: Any, enterprise: Any = None) -> dict[str, Any]:
    """Plausible form data that passes the version's schema (prefill first, then a value per field type).

    Conditional fields (``x-show-if``) are filled when the situation the other values describe shows them.
    """
    from tongban.cases.formschema import parse_fields, prefill_values, visible_fields

    schema = version.form_schema or {}
    data = prefill_values(schema, user=user, enterprise=enterprise)
    specs = parse_fields(schema)
    for name, spec in specs.items():
        if spec.x_format == "id_number" and name in data and not is_valid_id_number(str(data[name])):
            # A persona without a valid registered ID would fail the form; use a valid demonstration number.
            body = f"41020219900101{getattr(user, 'pk', 0) % 1000:03d}"
            data[name] = body + ric.calc_check_digit(body + "0")
        if name not in data and not spec.show_if:
            data[name] = _demo_value(spec, user, enterprise, len(data) + 1)
    shown = visible_fields(schema, data)
    for name, spec in specs.items():
        if name not in data and spec.show_if and name in shown:
            data[name] = _demo_value(spec, user, enterprise, len(data) + 1)
    return data


def _apply(
    key: str,
    version: ItemVersion,
    applicant: Any,
    *,
    when: datetime,
    submit: bool = True,
    enterprise: Any = None,
    commitment: bool = False,
    delivery_mode: str = "",
) -> Case | None:
    """Create (and submit) one demo case; ``None`` when the scenario already exists."""
    if Case.objects.filter(created_by=applicant, idempotency_key=key).exists():
        return None
    case = services.do_create_case(
        actor=applicant,
        version=version,
        form_data=demo_form_data(version, applicant, enterprise),
        enterprise=enterprise,
        idempotency_key=key,
        delivery_mode=delivery_mode,
        now=when,
    )
    for material in version.materials.filter(necessity=MaterialNecessity.REQUIRED):
        services.do_add_material(
            case, actor=applicant, file=ContentFile(DEMO_PDF, name=f"{material.name[:40]}.pdf"), material=material,
            now=when,
        )  # fmt: skip
    if commitment:
        case = services.do_sign_commitment(case, actor=applicant, now=when)
    if submit:
        case = services.do_submit_case(case, actor=applicant, now=when)
    return case


def _at_window(
    key: str,
    version: ItemVersion,
    clerk: Any,
    *,
    when: datetime,
    person: tuple[str, str, str],
    enterprise: tuple[str, str] | None = None,
) -> Case | None:
    """Take one demo case in at the window (窗口收件), for a person or, with ``enterprise``, for an enterprise
    through its 经办人; ``None`` when the scenario already exists."""
    if Case.objects.filter(created_by=clerk, idempotency_key=key).exists():
        return None
    from tongban.accounts.models import Enterprise

    id_number, name, phone = person
    known: Any = Enterprise.objects.filter(credit_code=enterprise[0]).first() if enterprise else None
    if (
        enterprise and known is None
    ):  # a company new to the platform: the form names it as the clerk copies it
        known = SimpleNamespace(credit_code=enterprise[0], name=enterprise[1], legal_representative="")
    files = [
        (m, ContentFile(DEMO_PDF, name=f"{m.name[:40]}.pdf"))
        for m in version.materials.filter(necessity=MaterialNecessity.REQUIRED)
    ]
    return services.do_window_intake(
        actor=clerk, version=version, id_number=id_number, name=name, phone=phone,
        form_data=demo_form_data(version, SimpleNamespace(pk=0, real_name=name, id_number=id_number, phone=phone), known),
        files=files, originals_checked=True,
        enterprise_credit_code=enterprise[0] if enterprise else "", enterprise_name=enterprise[1] if enterprise else "",
        authorization_note="法定代表人签署的授权委托书原件已核验" if enterprise else "", idempotency_key=key, now=when,
    )  # fmt: skip


def _task(case: Case, step: str, department_name: str | None = None) -> CaseTask:
    tasks = case.tasks.filter(step=step, state__in=(TaskState.OPEN, TaskState.CLAIMED))
    if department_name:
        tasks = tasks.filter(department__name=department_name)
    return tasks.order_by("id").first()  # type: ignore[return-value]


def _single_to_decision(case: Case, reviewer: Any, approver: Any, leader: Any, when: datetime) -> Case:
    """审查 → 审核 → 决定, 决定 by another approver than the one who audited (岗位分离)."""
    services.do_complete_task(_task(case, "review"), actor=reviewer, outcome="approve", opinion="材料齐全，符合条件。",
                              now=when)  # fmt: skip
    services.do_complete_task(
        _task(case, "audit"), actor=approver, outcome="approve", opinion="同意。", now=when
    )
    services.do_complete_task(
        _task(case, "decide"), actor=leader, outcome="approve", opinion="准予许可。", now=when
    )
    return Case.objects.get(pk=case.pk)


# The 经办人 and the enterprise a window case of the demo is taken in for (a passwordless person, a new company).
WINDOW_AGENT = ("410202198807070031", "钱志远", "13603781234")
WINDOW_ENTERPRISE = ("91410202MA9TEQ0354", "开封市汴河宾馆有限公司")
WINDOW_CITIZEN = ("410205197203150027", "孟凡英", "13783780011")


def _scenarios(u: dict[str, Any]) -> list[tuple[str, Callable[[], Case | None]]]:
    from tongban.accounts.models import Enterprise

    food = Enterprise.objects.filter(
        agents__agent=u["agent"], agents__status="active", name__contains="食品"
    ).first()
    culture = Enterprise.objects.filter(
        agents__agent=u["agent"], agents__status="active", name__contains="文化"
    ).first()
    if food is None or culture is None:
        raise DemoCasesError("缺少演示企业（请先加载 accounts 演示数据）")

    def draft() -> Case | None:
        return _apply("demo-draft", _version("居住证申领", "开封市公安局"), u["citizen"], when=working_days_ago(0),
                      submit=False)  # fmt: skip

    def submitted() -> Case | None:
        return _apply(
            "demo-submitted", _version("普通护照签发", "开封市公安局"), u["citizen"], when=working_days_ago(1)
        )

    def correction() -> Case | None:
        case = _apply("demo-correction", _version("户口迁移（迁入）", "开封市公安局"), u["citizen"],
                      when=working_days_ago(3))  # fmt: skip
        if case is not None:
            first = case.materials.filter(is_current=True).order_by("id").first()
            assert first is not None  # _apply uploaded every required material
            services.do_request_correction(
                case, actor=u["clerk"], problems=[(first, "复印件不清晰，请上传清晰的扫描件")],
                note="请一次性补齐", now=working_days_ago(2),
            )  # fmt: skip
        return case

    def review_yellow() -> Case | None:
        # 食品经营许可: 5 working days promised, accepted 3 working days ago → 2 left → yellow.
        case = _apply("demo-review-yellow", _version("食品经营许可", "开封市市场监督管理局"), u["citizen"],
                      when=working_days_ago(4))  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], note="材料齐全", now=working_days_ago(3))
        return case

    def review_red() -> Case | None:
        # 食品经营许可: 5 working days promised, accepted 10 working days ago → overdue → red.
        case = _apply("demo-review-red", _version("食品经营许可", "开封市市场监督管理局"), u["citizen2"],
                      when=working_days_ago(11))  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], now=working_days_ago(10))
            services.do_complete_task(_task(case, "review"), actor=u["reviewer_scjg"], outcome="approve",
                                      opinion="同意", now=working_days_ago(6))  # fmt: skip
        return case

    def parallel_open() -> Case | None:
        case = _apply("demo-parallel-open", _version("娱乐场所经营许可", "开封市文化广电和旅游局"), u["agent"],
                      when=working_days_ago(2), enterprise=culture)  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], now=working_days_ago(1))
        return case

    def parallel_one_done() -> Case | None:
        case = _apply("demo-parallel-one-done", _version("商品房预售许可", "开封市住房和城乡建设局"), u["agent"],
                      when=working_days_ago(3), enterprise=food)  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], now=working_days_ago(2))
            services.do_complete_task(_task(case, "dept_review", "开封市住房和城乡建设局"), actor=u["reviewer_zj"],
                                      outcome="approve", opinion="符合预售条件", now=working_days_ago(1))  # fmt: skip
        return case

    def special_procedure() -> Case | None:
        # 旅馆业特种行业许可 is for enterprises: taken in at the window for a new hotel company through its 经办人.
        case = _at_window("demo-special", _version("旅馆业特种行业许可证核发", "开封市公安局"), u["clerk"],
                          when=working_days_ago(4), person=WINDOW_AGENT, enterprise=WINDOW_ENTERPRISE)  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], now=working_days_ago(3))
            services.do_start_special_procedure(
                case, actor=u["reviewer_ga"], kind="site_inspection", reason="需现场核查消防和治安设施",
                expected_days=5, now=working_days_ago(1),
            )  # fmt: skip
        return case

    def awaiting_pickup() -> Case | None:
        # The applicant chose window pickup, so the pickup code went out with the decision.
        case = _apply("demo-pickup", _version("无犯罪记录证明开具", "开封市公安局"), u["citizen"],
                      when=working_days_ago(2), delivery_mode="window")  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], now=working_days_ago(2))
            case = _single_to_decision(
                case, u["reviewer_ga"], u["approver_ga"], u["leader_ga"], working_days_ago(1)
            )
        return case

    def closed() -> Case | None:
        # 电子送达 chosen at application: the decision reached the enterprise's account and closed the case.
        case = _apply("demo-closed", _version("企业设立登记", "开封市市场监督管理局"), u["agent"],
                      when=working_days_ago(6), enterprise=food, delivery_mode="electronic")  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], now=working_days_ago(6))
            case = _single_to_decision(case, u["reviewer_scjg"], u["approver_scjg"], u["leader_scjg"],
                                       working_days_ago(5))  # fmt: skip
        return case

    def immediate() -> Case | None:
        # 即办件 (承诺时限 0) taken in at the window, decided on the spot and handed out the same day.
        when = working_days_ago(1, hour=9)
        case = _at_window("demo-immediate", _version("个体工商户登记", "开封市市场监督管理局"), u["clerk"],
                          when=when, person=WINDOW_CITIZEN)  # fmt: skip
        if case is not None:
            later = when + timedelta(minutes=20)
            case = services.do_decide_on_the_spot(case, actor=u["clerk"], now=later)
            case = services.do_send_pickup_code(case, actor=u["clerk"], now=later)
            case = services.do_deliver_case(case, actor=u["clerk"], mode="window", pickup_code=case.pickup_code,
                                            now=later + timedelta(minutes=5))  # fmt: skip
        return case

    def not_accepted() -> Case | None:
        case = _apply("demo-not-accepted", _version("律师执业许可（设区的市级审查）", "开封市司法局"), u["citizen2"],
                      when=working_days_ago(5))  # fmt: skip
        if case is not None:
            case = services.do_refuse_acceptance(
                case, actor=u["clerk"], reasons=["申请人未取得法律职业资格证书，不符合受理条件"],
                now=working_days_ago(4),
            )  # fmt: skip
        return case

    def withdrawn() -> Case | None:
        case = _apply("demo-withdrawn", _version("出生医学证明补发、换发", "开封市卫生健康委员会"), u["citizen2"],
                      when=working_days_ago(3))  # fmt: skip
        if case is not None:
            case = services.do_withdraw_case(case, actor=u["citizen2"], reason="已找到原件，不再需要补发",
                                             now=working_days_ago(2))  # fmt: skip
        return case

    def commitment() -> Case | None:
        case = _apply("demo-commitment", _version("公共场所卫生许可", "开封市卫生健康委员会"), u["agent"],
                      when=working_days_ago(2), enterprise=food, commitment=True)  # fmt: skip
        if case is not None:
            case = services.do_accept_case(case, actor=u["clerk"], now=working_days_ago(2))
        return case

    return [
        ("draft", draft),
        ("submitted", submitted),
        ("correction_requested", correction),
        ("in_review (yellow)", review_yellow),
        ("in_review (red)", review_red),
        ("parallel review", parallel_open),
        ("parallel review, one department done", parallel_one_done),
        ("special_procedure (enterprise at the window)", special_procedure),
        ("decided, awaiting pickup", awaiting_pickup),
        ("closed (electronic delivery)", closed),
        ("即办件 decided on the spot", immediate),
        ("not_accepted", not_accepted),
        ("withdrawn", withdrawn),
        ("告知承诺 decided with verification", commitment),
    ]


def load() -> dict[str, int]:
    """Create the demo cases that do not exist yet; returns ``{"created": n, "skipped": m}``."""
    ensure_flow_templates()
    users = _users()
    counts = {"created": 0, "skipped": 0}
    for label, scenario in _scenarios(users):
        try:
            case = scenario()
        except DomainError as exc:
            raise DemoCasesError(f"演示办件“{label}”：{exc.code} {exc.message} {exc.fields}") from exc
        counts["created" if case is not None else "skipped"] += 1
    return counts
