"""State-changing services of ``organizations``: idempotent upserts used by the demo loader, tests and admins.

Organisation data is configuration (audited by django-auditlog), not case history, so these services do not
write ledger entries; assigning a staff member to a post does.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from tongban.core.services import append_ledger_entry
from tongban.organizations.choices import ExerciseLevel, RegionLevel, WindowKind
from tongban.organizations.codes import government_credit_code
from tongban.organizations.models import Department, Hall, Region, StaffPosition, Window


def do_upsert_region(
    code: str,
    name: str,
    level: RegionLevel | int,
    parent: Region | None = None,
    *,
    has_national_code: bool = True,
    note: str = "",
    short_name: str = "",
    sort_order: int = 0,
) -> Region:
    """Create or update the region with ``code`` (idempotent); its ``path`` follows the parent."""
    with transaction.atomic():
        region, _created = Region.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "level": int(level),
                "parent": parent,
                "has_national_code": has_national_code,
                "note": note,
                "short_name": short_name,
                "sort_order": sort_order,
            },
        )
    return region


def do_upsert_department(
    name: str,
    category: str,
    region: Region,
    level: ExerciseLevel | str,
    *,
    short_name: str = "",
    credit_code: str = "",
    parent: Department | None = None,
    phone: str = "",
    address: str = "",
    sort_order: int = 0,
) -> Department:
    """Create or update a department by 统一社会信用代码 (derived deterministically from region and name if omitted).

    The seal name defaults to the department's full name (印章名称 is the body's registered name).
    """
    code = credit_code or government_credit_code(region.code, name)
    with transaction.atomic():
        department, _created = Department.objects.update_or_create(
            credit_code=code,
            defaults={
                "name": name,
                "short_name": short_name,
                "category": category,
                "region": region,
                "level": str(level.value if isinstance(level, ExerciseLevel) else level),
                "parent": parent,
                "phone": phone,
                "address": address,
                "seal_name": name,
                "sort_order": sort_order,
            },
        )
    return department


def do_upsert_hall(
    name: str, region: Region, address: str, *, opening_hours: str = "", phone: str = ""
) -> Hall:
    """Create or update a service hall by (region, name)."""
    with transaction.atomic():
        hall, _created = Hall.objects.update_or_create(
            region=region,
            name=name,
            defaults={"address": address, "opening_hours": opening_hours, "phone": phone},
        )
    return hall


def do_upsert_window(
    hall: Hall, number: str, name: str, kind: WindowKind | str, *, departments: list[Department] | None = None
) -> Window:
    """Create or update a numbered window of a hall; ``departments`` replaces the stationed departments if given."""
    with transaction.atomic():
        window, _created = Window.objects.update_or_create(
            hall=hall, number=number, defaults={"name": name, "kind": str(kind)}
        )
        if departments is not None:
            window.departments.set(departments)
    return window


def do_assign_position(
    user: Any,
    *,
    region: Region,
    title: str,
    department: Department | None = None,
    window: Window | None = None,
    actor: Any = None,
) -> StaffPosition:
    """Put a staff member in a post (idempotent per user, department and region). Ledger: ``organizations.position_assigned``."""
    values = {"title": title, "window": window, "is_active": True}
    with transaction.atomic():
        position = (
            StaffPosition.objects.select_for_update()
            .filter(user=user, department=department, region=region)
            .first()
        )
        if position is None:
            position = StaffPosition.objects.create(user=user, department=department, region=region, **values)
        else:
            changed = [field for field, value in values.items() if getattr(position, field) != value]
            if not changed:
                return position  # idempotent: re-running the demo loader adds no ledger entries
            for field in changed:
                setattr(position, field, values[field])
            position.save(update_fields=[*changed, "updated_at"])
        append_ledger_entry(
            actor=actor,
            action="organizations.position_assigned",
            obj=position,
            data={"user": user.username, "title": title, "window": window.number if window else None},
        )
    return position
