"""Reads owned by ``organizations``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from tongban.organizations.models import Department, Region


def regions_within(region: Region) -> QuerySet[Region]:
    """``region`` and every region below it (one indexed ``path`` prefix query)."""
    return Region.objects.filter(path__startswith=region.path)


def get_region(code: str) -> Region | None:
    """The region with ``code``, or ``None``."""
    return Region.objects.filter(code=code).first()


def fetch_regions(*, parent: Region | None = None, level: int | None = None) -> QuerySet[Region]:
    """Regions, optionally the direct children of ``parent`` and/or of one level."""
    regions = Region.objects.select_related("parent")
    if parent is not None:
        regions = regions.filter(parent=parent)
    if level is not None:
        regions = regions.filter(level=level)
    return regions


def fetch_departments(
    region: Region | None = None, include_children: bool = False, *, category: str = ""
) -> QuerySet[Department]:
    """Active departments, optionally of one region (and, with ``include_children``, of its whole subtree)."""
    departments = Department.objects.filter(is_active=True).select_related("region")
    if region is not None:
        if include_children:
            departments = departments.filter(region__path__startswith=region.path)
        else:
            departments = departments.filter(region=region)
    if category:
        departments = departments.filter(category=category)
    return departments


def get_active_department(pk: Any) -> Department | None:
    """The active department with primary key ``pk`` (any digits string or int), or ``None``."""
    try:
        key = int(pk)
    except (TypeError, ValueError):
        return None
    if not 0 < key < 2**63:
        return None
    return Department.objects.filter(pk=key, is_active=True).select_related("region").first()


def all_departments() -> QuerySet[Department]:
    """Every department (active or not) with its region, for other apps to narrow by their own rules."""
    return Department.objects.select_related("region")


def all_regions() -> QuerySet[Region]:
    """Every region, for other apps to narrow by their own rules (e.g. a role's scope)."""
    return Region.objects.all()
