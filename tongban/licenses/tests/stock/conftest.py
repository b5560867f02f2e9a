"""Fixtures of the stock-import tests: a data administrator, an issuing department, two licence types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tongban.accounts.choices import Role
from tongban.accounts.testing import make_department, make_region_tree, make_staff
from tongban.licenses import services as license_services
from tongban.licenses.tests.stock import helpers


@dataclass
class StockWorld:
    """Who imports, who issued, which types exist."""

    admin: Any
    other_staff: Any
    department: Any
    person_type: Any
    enterprise_type: Any

    @property
    def issuer(self) -> str:
        return str(self.department.credit_code)


@pytest.fixture
def stock(db: None) -> StockWorld:  # type: ignore[no-untyped-def]
    tree = make_region_tree()
    department = make_department("开封市市场监督管理局", "市场监管", tree.city)
    admin = make_staff("data_admin", Role.DATA_ADMIN, real_name="数据管理员")
    other = make_staff("approver_stock", Role.APPROVER, department=department)
    person_type = license_services.do_define_license_type(
        actor=None,
        code=helpers.TYPE_CODE,
        name="食品经营许可证（测试）",
        define_agency_name="河南省市场监督管理局",
        holder_category="person",
        face_schema=helpers.FACE_SCHEMA,
    )
    enterprise_type = license_services.do_define_license_type(
        actor=None,
        code=helpers.ENTERPRISE_TYPE_CODE,
        name="营业执照（测试）",
        define_agency_name="河南省市场监督管理局",
        holder_category="enterprise",
        face_schema=helpers.ENTERPRISE_FACE_SCHEMA,
    )
    return StockWorld(admin, other, department, person_type, enterprise_type)
