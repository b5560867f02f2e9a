"""Demo accounts for the 开封市 demo city (``load()``; only when ``settings.TONGBAN_DEMO`` is on).

Every account has ``is_demo=True`` and the password ``settings.TONGBAN_DEMO_PASSWORD``, hashed once per load and
reused (Argon2 costs ~100 ms per hash). Rows are created with ``update_or_create`` by username; role grants and
posts go through the real, idempotent services. Requires the organisations demo to be loaded first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from tongban.accounts.choices import IdentityLevel, Role, UserKind
from tongban.accounts.models import PopulationRecord, User
from tongban.accounts.services import do_authorize_agent, do_grant_role, do_upsert_enterprise
from tongban.organizations.demo import CITY_HALL, COUNTY_HALLS, TOWNSHIP_HALL, TOWNSHIP_HALL_CODE
from tongban.organizations.models import Department, Region, Window
from tongban.organizations.services import do_assign_position

CITY_ZWFW = "开封市政务服务和大数据管理局"
XIANGFU_ZWFW = "开封市祥符区行政审批和政务信息管理局"
LANKAO_ZWFW = "兰考县行政审批和政务信息管理局"


@dataclass(frozen=True)
class DemoPerson:
    """A demo citizen or enterprise agent."""

    username: str
    real_name: str
    id_number: str
    phone: str
    kind: str = UserKind.CITIZEN
    identity_level: str = IdentityLevel.REAL_NAME


@dataclass(frozen=True)
class DemoStaff:
    """A demo staff member: grants as (role, department name or None, region code or None) and one post."""

    username: str
    real_name: str
    grants: list[tuple[str, str | None, str | None]]
    title: str
    post_department: str | None = None
    post_region: str = "410200"
    window: tuple[str, str] | None = None  # (hall name, window number)
    superuser: bool = False
    phone: str = field(default="")


CITIZENS = [
    DemoPerson("citizen", "王秀英", "410202199001010018", "13812345678"),
    # 李建国 has not done the real-name check yet: the demo shows the unverified state and the check itself.
    DemoPerson(
        "citizen2", "李建国", "410203198005151231", "13937811234", identity_level=IdentityLevel.UNVERIFIED
    ),
]
AGENT = DemoPerson("agent", "赵敏", "410204197511112042", "13703781122", kind=UserKind.ENTERPRISE_AGENT)
ENTERPRISES = [
    # (credit code, name, legal representative, region code, address)
    ("91410200MA9TEQ007A", "开封市汴梁食品有限公司", "赵敏", "410200", "开封市鼓楼区（演示地址）"),
    ("91410204MA9TEQ021K", "开封市宋韵文化传播有限公司", "赵敏", "410204", "开封市鼓楼区（演示地址）"),
]

SCJG, GA, ZJ, WJ, MZ = (
    "开封市市场监督管理局",
    "开封市公安局",
    "开封市住房和城乡建设局",
    "开封市卫生健康委员会",
    "开封市民政局",
)
XF_SCJG, LK_SCJG = "开封市祥符区市场监督管理局", "兰考县市场监督管理局"
WL, ZRZY = "开封市文化广电和旅游局", "开封市自然资源和规划局"
C, R, A, S, K = Role.CLERK, Role.REVIEWER, Role.APPROVER, Role.SUPERVISOR, Role.CATALOG_ADMIN

STAFF = [
    DemoStaff(
        "clerk", "刘芳", [(C, None, "410200")], "综合受理窗口工作人员", CITY_ZWFW, window=(CITY_HALL, "1")
    ),
    DemoStaff(
        "clerk_xiangfu",
        "孙丽",
        [(C, None, "410212")],
        "综合受理窗口工作人员",
        XIANGFU_ZWFW,
        "410212",
        window=(COUNTY_HALLS["410212"], "1"),
    ),
    DemoStaff(
        "clerk_township",
        "周强",
        [(C, None, TOWNSHIP_HALL_CODE)],
        "便民服务中心工作人员",
        None,
        TOWNSHIP_HALL_CODE,
        window=(TOWNSHIP_HALL, "1"),
    ),
    DemoStaff("reviewer_scjg", "陈静", [(R, SCJG, None)], "审查人员", SCJG),
    DemoStaff("approver_scjg", "张伟", [(A, SCJG, None)], "审批科科长", SCJG),
    # 决定 after the 审批科's 审核: the same person may not take both steps (岗位分离, cases ADR 0007).
    DemoStaff("leader_scjg", "王建军", [(A, SCJG, None)], "分管副局长", SCJG),
    DemoStaff("reviewer_ga", "杨帆", [(R, GA, None)], "审查人员", GA),
    DemoStaff("approver_ga", "黄志刚", [(A, GA, None)], "审批科科长", GA),
    DemoStaff("leader_ga", "李志强", [(A, GA, None)], "分管副局长", GA),
    DemoStaff("reviewer_zj", "吴娜", [(R, ZJ, None)], "审查人员", ZJ),
    DemoStaff("approver_zj", "徐明", [(A, ZJ, None)], "审批科科长", ZJ),
    DemoStaff("leader_zj", "冯涛", [(A, ZJ, None)], "分管副局长", ZJ),
    DemoStaff("reviewer_wj", "马丽", [(R, WJ, None)], "审查人员", WJ),
    DemoStaff("reviewer_mz", "朱红", [(R, MZ, None)], "审查人员", MZ),
    DemoStaff("approver_mz", "胡军", [(A, MZ, None)], "审批科科长", MZ),
    DemoStaff("leader_mz", "谢芳", [(A, MZ, None)], "分管副局长", MZ),
    DemoStaff("reviewer_wl", "韩雪", [(R, WL, None)], "审查人员", WL),
    DemoStaff("approver_wl", "曹阳", [(A, WL, None)], "审批科科长", WL),
    DemoStaff("leader_wl", "唐丽", [(A, WL, None)], "分管副局长", WL),
    DemoStaff("reviewer_zrzy", "周明", [(R, ZRZY, None)], "审查人员", ZRZY),
    DemoStaff("approver_zrzy", "邓超", [(A, ZRZY, None)], "审批科科长", ZRZY),
    DemoStaff("leader_zrzy", "冯国强", [(A, ZRZY, None)], "分管副局长", ZRZY),
    DemoStaff("reviewer_xf_scjg", "郭敏", [(R, XF_SCJG, None)], "审查人员", XF_SCJG, "410212"),
    DemoStaff("approver_xf_scjg", "何勇", [(A, XF_SCJG, None)], "审批股股长", XF_SCJG, "410212"),
    DemoStaff("leader_xf_scjg", "袁平", [(A, XF_SCJG, None)], "分管副局长", XF_SCJG, "410212"),
    DemoStaff("reviewer_lk_scjg", "高翔", [(R, LK_SCJG, None)], "审查人员", LK_SCJG, "410225"),
    DemoStaff("supervisor", "林涛", [(S, None, "410200")], "电子监察科科长", CITY_ZWFW),
    DemoStaff("supervisor_xiangfu", "罗刚", [(S, None, "410212")], "电子监察人员", XIANGFU_ZWFW, "410212"),
    DemoStaff("catalog_city", "梁静", [(K, None, "410200")], "事项管理员", CITY_ZWFW),
    # The second city catalog administrator: publishes what catalog_city drafted (双人复核), and vice versa.
    DemoStaff("catalog_city2", "周敏", [(K, None, "410200")], "事项审核员", CITY_ZWFW),
    DemoStaff("catalog_xiangfu", "宋磊", [(K, None, "410212")], "事项管理员", XIANGFU_ZWFW, "410212"),
    DemoStaff("catalog_lankao", "唐娟", [(K, None, "410225")], "事项管理员", LANKAO_ZWFW, "410225"),
    DemoStaff(
        "data_admin", "孙悦", [(Role.DATA_ADMIN, None, "410200")], "数据管理员（电子证照库）", CITY_ZWFW
    ),
    DemoStaff("sysadmin", "韩冰", [(Role.SYSTEM_ADMIN, None, None)], "系统管理员", CITY_ZWFW, superuser=True),
]

# The demonstration population registry behind the local real-name check (演示数据, not real people): the demo
# people plus a few residents who have no account yet.
POPULATION = [
    *((p.id_number, p.real_name) for p in CITIZENS),
    (AGENT.id_number, AGENT.real_name),
    ("410212202001010015", "张三"),
    ("410202200002290029", "陈晓"),
]

DEMO_USERNAMES = [p.username for p in CITIZENS] + [AGENT.username] + [s.username for s in STAFF]


def _department(name: str | None) -> Department | None:
    if name is None:
        return None
    return Department.objects.get(name=name)


def _region(code: str | None) -> Region | None:
    return Region.objects.get(code=code) if code else None


def _upsert_person(person: DemoPerson, password_hash: str) -> User:
    now = timezone.now()
    user, _created = User.objects.update_or_create(
        username=person.username,
        defaults={
            "kind": person.kind,
            "real_name": person.real_name,
            "id_number": person.id_number,
            "phone": person.phone,
            "is_demo": True,
            "is_active": True,
            "password": password_hash,
            "phone_verified_at": now,
            "identity_level": person.identity_level,
            "identity_verified_at": now if person.identity_level != IdentityLevel.UNVERIFIED else None,
        },
    )
    return user


def load() -> None:
    """Create or refresh the demo accounts, their role grants, posts and enterprise authorisations."""
    if not settings.TONGBAN_DEMO:
        return
    password_hash = make_password(settings.TONGBAN_DEMO_PASSWORD)
    with transaction.atomic():
        for id_number, name in POPULATION:
            PopulationRecord.objects.update_or_create(
                id_number=id_number, defaults={"name": name, "note": "演示数据"}
            )
        for person in CITIZENS:
            _upsert_person(person, password_hash)
        agent = _upsert_person(AGENT, password_hash)
        for code, name, legal_rep, region_code, address in ENTERPRISES:
            enterprise = do_upsert_enterprise(
                code, name, legal_representative=legal_rep, address=address, region=_region(region_code)
            )
            do_authorize_agent(agent, enterprise, actor=None, document_note="演示授权书")
        for staff in STAFF:
            user, _created = User.objects.update_or_create(
                username=staff.username,
                defaults={
                    "kind": UserKind.STAFF,
                    "real_name": staff.real_name,
                    "is_demo": True,
                    "is_active": True,
                    "is_staff": staff.superuser,
                    "is_superuser": staff.superuser,
                    "password": password_hash,
                },
            )
            for role, department_name, grant_region_code in staff.grants:
                do_grant_role(
                    user,
                    role,
                    department=_department(department_name),
                    region=_region(grant_region_code),
                    actor=None,
                )
            window = None
            if staff.window is not None:
                hall_name, number = staff.window
                window = Window.objects.get(hall__name=hall_name, number=number)
            do_assign_position(
                user,
                region=_region(staff.post_region),  # type: ignore[arg-type]
                department=_department(staff.post_department),
                title=staff.title,
                window=window,
            )
