"""The online real-name check (实名核验) behind an adapter: does this ID number belong to a person of this name?

The national population service (公安部人口库 / 省级实名认证平台) is outside the platform and reached through a
city's own gateway, so the platform defines the interface and ships one working local implementation:
:class:`LocalPopulationRegistry`, backed by the ``PopulationRecord`` table that the demo loader fills with
**demonstration data**. ``settings.TONGBAN_IDENTITY_ADAPTER`` names the class a deployment uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class RealNameResult:
    """What the population service answered: ``matched`` only when the number exists and the name equals it."""

    matched: bool
    source: str  # which service answered, recorded in the ledger


class IdentityAdapter(Protocol):
    """A real-name check service: compares a name with the registry's name for an ID number, nothing more.

    It must not return the registry's name or any other data (the caller learns only match / no match), and it
    raises on a technical failure (the caller then tells the user to try later).
    """

    def check_real_name(self, id_number: str, name: str) -> RealNameResult: ...


class LocalPopulationRegistry:
    """Real-name check against the local ``PopulationRecord`` table (demonstration data in the demo city)."""

    source = "local-population-registry"

    def check_real_name(self, id_number: str, name: str) -> RealNameResult:
        from tongban.accounts.models import PopulationRecord

        record = PopulationRecord.objects.filter(id_number=id_number).first()
        matched = record is not None and record.name.strip() == (name or "").strip()
        return RealNameResult(matched=matched, source=self.source)


def get_identity_adapter() -> IdentityAdapter:
    """An instance of the configured adapter."""
    return import_string(settings.TONGBAN_IDENTITY_ADAPTER)()
