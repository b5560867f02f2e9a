"""Persona builders for everyone's tests, built through the real services (STYLE §11).

Every builder is idempotent by its natural key (region code, department name, username), so tests and fixtures
can call them freely. Personas sign in with :data:`PERSONA_PASSWORD` (the demo password), which the e2e ``login``
fixture uses by default.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from stdnum.cn import ric

from tongban.accounts.choices import Role
from tongban.accounts.models import Enterprise, User
from tongban.accounts.services import (
    do_authorize_agent,
    do_create_staff,
    do_grant_role,
    do_register_citizen,
    do_register_enterprise_agent,
    do_upsert_enterprise,
)
from tongban.organizations.choices import ExerciseLevel, RegionLevel
from tongban.organizations.models import Department, Region
from tongban.organizations.services import do_upsert_department, do_upsert_region

PERSONA_PASSWORD = settings.TONGBAN_DEMO_PASSWORD
# Registration refuses the platform-named demo password; personas register with this one and then get theirs.
_STRONG = "Persona-Registers-9!"


def _with_persona_password(user: User) -> User:
    user.set_password(PERSONA_PASSWORD)
    user.save(update_fields=["password"])
    return user


@dataclass(frozen=True)
class RegionTree:
    """The small region tree every test can rely on."""

    city: Region  # 410200 开封市
    xiangfu: Region  # 410212 祥符区
    lankao: Region  # 410225 兰考县
    xiangfu_township: Region  # 410212100000 城关镇 (demonstration)
    lankao_township: Region  # 410225100000 城关镇 (demonstration)

    def __getitem__(self, key: str) -> Region:
        """Also allow ``tree["city"]`` for callers that prefer mapping access."""
        return getattr(self, key)


def make_region_tree() -> RegionTree:
    """开封市 with 祥符区 and 兰考县 and one township each (idempotent by code)."""
    city = do_upsert_region("410200", "开封市", RegionLevel.CITY)
    xiangfu = do_upsert_region("410212", "祥符区", RegionLevel.COUNTY, city, sort_order=5)
    lankao = do_upsert_region("410225", "兰考县", RegionLevel.COUNTY, city, sort_order=9)
    xiangfu_township = do_upsert_region(
        "410212100000", "城关镇", RegionLevel.TOWNSHIP, xiangfu, note="演示数据"
    )
    lankao_township = do_upsert_region(
        "410225100000", "城关镇", RegionLevel.TOWNSHIP, lankao, note="演示数据"
    )
    return RegionTree(city, xiangfu, lankao, xiangfu_township, lankao_township)


def make_department(
    name: str = "开封市市场监督管理局",
    category: str = "市场监管",
    region: Region | None = None,
    level: ExerciseLevel | str | None = None,
) -> Department:
    """A department with a valid deterministic 统一社会信用代码 (default: the city market regulator)."""
    if region is None:
        region = make_region_tree().city
    if level is None:
        level = ExerciseLevel.CITY if region.level == RegionLevel.CITY else ExerciseLevel.COUNTY
    return do_upsert_department(name, category, region, level)


def make_id_number(seed: str, *, region_code: str = "410202", birth_date: str = "19900101") -> str:
    """A valid 居民身份证号码 derived from ``seed`` (same seed, same number)."""
    sequence = int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 1000
    body = f"{region_code}{birth_date}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def make_phone(seed: str) -> str:
    """A syntactically valid mobile number derived from ``seed``."""
    return f"139{int(hashlib.sha256(seed.encode()).hexdigest(), 16) % 10**8:08d}"


def make_citizen(
    username: str = "citizen",
    real_name: str = "王秀英",
    id_number: str | None = None,
    phone: str | None = None,
) -> User:
    """A registered citizen (via ``do_register_citizen``); ``citizen`` gets the demo ID 410202199001010018."""
    existing = User.objects.filter(username=username).first()
    if existing is not None:
        return existing
    if id_number is None:
        id_number = "410202199001010018" if username == "citizen" else make_id_number(username)
    user = do_register_citizen(username, _STRONG, real_name, id_number, phone or make_phone(username))
    return _with_persona_password(user)


def make_enterprise(
    name: str = "开封市汴梁食品有限公司",
    credit_code: str = "91410200MA9TEQ007A",
    legal_representative: str = "赵敏",
) -> Enterprise:
    """An enterprise (法人) recorded through ``do_upsert_enterprise``."""
    return do_upsert_enterprise(credit_code, name, legal_representative=legal_representative)


def make_enterprise_agent(
    username: str = "agent",
    real_name: str = "赵敏",
    id_number: str | None = None,
    enterprise: Enterprise | None = None,
) -> User:
    """An enterprise agent authorised for ``enterprise`` (default: 开封市汴梁食品有限公司)."""
    enterprise = enterprise or make_enterprise()
    user = User.objects.filter(username=username).first()
    if user is None:
        if id_number is None:
            id_number = (
                "410204197511112042"
                if username == "agent"
                else make_id_number(username, region_code="410204")
            )
        user = _with_persona_password(
            do_register_enterprise_agent(username, _STRONG, real_name, id_number, make_phone(username))
        )
    do_authorize_agent(user, enterprise, actor=None, document_note="测试授权")
    return user


def make_staff(
    username: str,
    role: Role | str,
    *,
    department: Department | None = None,
    region: Region | None = None,
    real_name: str = "",
    actor: Any = None,
) -> User:
    """A staff member holding ``role`` over ``department`` and/or ``region`` (created if missing, grant added)."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = do_create_staff(username, real_name=real_name or username, password=PERSONA_PASSWORD)
    do_grant_role(user, role, department=department, region=region, actor=actor)
    return user
