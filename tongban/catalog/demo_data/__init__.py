"""Demonstration service catalog for the Kaifeng (开封市) demo city.

THIS IS DEMONSTRATION DATA. It was written from publicly available service guides (办事指南), laws and regulations
to make the demo portal realistic; it is not an official implementation list of any government body and MUST NOT be
used for real applications. Phone numbers, addresses and time limits are plausible placeholders; article numbers of
some rules and local documents should be checked against the official texts before any real use.

``ITEMS`` is the list of item dicts the catalog loader publishes (format: see ``_common.make_item``);
``checks.validate_items(ITEMS)`` enforces the format and the guide-quality rules. ``licences.link_licences`` names
the electronic licence each item's approval produces and the materials a licence replaces (免证可办).
"""

from __future__ import annotations

from typing import Any

from tongban.catalog.demo_data import (
    business,
    civil_affairs,
    construction,
    health,
    hrss,
    land_environment,
    licences,
    market,
    public_security,
    services,
    transport_education,
)

ITEMS: list[dict[str, Any]] = licences.link_licences(
    [
        *market.ITEMS,
        *public_security.ITEMS,
        *civil_affairs.ITEMS,
        *hrss.ITEMS,
        *health.ITEMS,
        *construction.ITEMS,
        *transport_education.ITEMS,
        *land_environment.ITEMS,
        *business.ITEMS,
        *services.ITEMS,
    ]
)

__all__ = ["ITEMS"]
