"""Test data for ``signing``: the personas who may and may not manage seals, a small PDF, ledger helpers."""

from __future__ import annotations

from typing import Any

from tongban.accounts.choices import Role
from tongban.accounts.models import User
from tongban.accounts.testing import make_department, make_staff
from tongban.core.models import LedgerEntry

HTML = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
@page { size: A5; margin: 15mm } body { font-family: 'WenQuanYi Micro Hei', sans-serif }</style></head>
<body><h1>食品经营许可证</h1><p>经营者名称：开封市汴梁食品有限公司</p><p>许可证编号：JY14102000000001</p></body></html>"""


def make_pdf(html: str = HTML) -> bytes:
    """A one-page PDF rendered by WeasyPrint from a small Chinese HTML page."""
    from weasyprint import HTML as WeasyHTML

    return WeasyHTML(string=html).write_pdf()  # type: ignore[no-any-return]


def make_system_admin(username: str = "sysadmin") -> User:
    """A 系统管理员 (unscoped SYSTEM_ADMIN grant)."""
    return make_staff(username, Role.SYSTEM_ADMIN)


def make_reviewer(username: str = "reviewer") -> User:
    """A reviewer of the city market regulator: staff, but not allowed to manage seals."""
    return make_staff(username, Role.REVIEWER, department=make_department())


def ledger_actions(**filters: Any) -> list[str]:
    """The actions of the ledger entries matching ``filters``, in order."""
    return list(LedgerEntry.objects.filter(**filters).order_by("seq").values_list("action", flat=True))
