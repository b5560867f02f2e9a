"""Public reads of the published catalog: the publish revision, listings, one guide, and 办件公示 eligibility."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet

from tongban.catalog.choices import EnterpriseTopic, PersonTopic, VersionStatus
from tongban.catalog.models import FlowTemplate, Implementation, ItemVersion, Material
from tongban.core.errors import NOT_FOUND
from tongban.core.validators import parse_implementation_code

# The catalog's publish revision (a cache key part): a new random value whenever a version is published.
PUBLISH_REVISION_KEY = "catalog:publish-revision"


def publish_revision() -> str:
    """The current publish revision; caches of what is published key on it (``bump_publish_revision``)."""
    revision = cache.get(PUBLISH_REVISION_KEY)
    if revision is None:
        cache.add(PUBLISH_REVISION_KEY, uuid.uuid4().hex, None)
        revision = cache.get(PUBLISH_REVISION_KEY) or ""
    return str(revision)


def bump_publish_revision() -> None:
    """Start a new publish revision, now and again after the surrounding transaction commits.

    The second bump drops anything a concurrent reader cached from the old data under the first new revision.
    """
    from django.db import transaction

    def bump() -> None:
        cache.set(PUBLISH_REVISION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def _published() -> QuerySet[Implementation]:
    return Implementation.objects.filter(
        is_active=True, current_version__status=VersionStatus.PUBLISHED
    ).select_related("current_version", "item", "department", "region")


def get_published_implementation(code: str) -> Implementation:
    """The published implementation ``code`` with its current version's materials, fees and FAQs prefetched."""
    parsed = parse_implementation_code(code)
    if parsed is None:
        raise NOT_FOUND.error()
    implementation = (
        _published()
        .select_related("current_version__flow_template", "parent")
        .prefetch_related(
            "current_version__materials",
            "current_version__fees",
            "current_version__faqs",
            "current_version__review_departments",
        )
        .filter(code=parsed)
        .first()
    )
    if implementation is None:
        raise NOT_FOUND.error()
    return implementation


def fetch_published(*, region: str | None = None, level: str | None = None) -> QuerySet[Implementation]:
    """Every published implementation, optionally in a region subtree or at one level, by name."""
    qs = _published()
    if region:
        qs = qs.filter(region__path__contains=f"/{region}/")
    if level:
        qs = qs.filter(level=level)
    return qs.order_by("item__name", "code")


Group = tuple[str, str, list[Implementation]]


def fetch_published_by_department(*, region: str | None = None, level: str | None = None) -> list[Group]:
    """Published implementations grouped by department (label, credit code, implementations), in department order."""
    groups: dict[int, Group] = {}
    rows = fetch_published(region=region, level=level).order_by(
        "department__region__level", "department__sort_order", "department__name", "item__name", "code"
    )
    for impl in rows:
        group = groups.setdefault(impl.department_id, (impl.department.name, impl.department.credit_code, []))
        group[2].append(impl)
    return list(groups.values())


def _by_topic(topic_enum: Any, attribute: str, region: str | None, level: str | None) -> list[Group]:
    buckets: dict[str, list[Implementation]] = {value: [] for value in topic_enum.values}
    # JSON containment is not portable to SQLite; the published catalog is small enough to bucket in Python.
    for impl in fetch_published(region=region, level=level):
        for topic in getattr(impl.current_version, attribute) or []:
            if topic in buckets:
                buckets[topic].append(impl)
    return [(str(topic_enum(value).label), value, impls) for value, impls in buckets.items() if impls]


def fetch_published_by_person_topic(*, region: str | None = None, level: str | None = None) -> list[Group]:
    """Published implementations grouped by 自然人 life-event topic, in ``PersonTopic`` order; empty topics left out."""
    return _by_topic(PersonTopic, "person_topics", region, level)


def fetch_published_by_enterprise_topic(
    *, region: str | None = None, level: str | None = None
) -> list[Group]:
    """Published implementations grouped by 法人 lifecycle topic, in ``EnterpriseTopic`` order; empty topics left out."""
    return _by_topic(EnterpriseTopic, "enterprise_topics", region, level)


def disclosed_implementations() -> QuerySet[Implementation, Any]:
    """Implementations whose cases may be disclosed on 办件公示: the current published version says so.

    The current version decides, not the version a case was filed under: unmarking an item hides its older cases
    too. Use as a subquery, e.g. ``Case.objects.filter(implementation__in=disclosed_implementations())``.
    """
    return Implementation.objects.filter(
        current_version__status=VersionStatus.PUBLISHED, current_version__disclose_cases=True
    ).values("pk")


def disclosed_implementation_ids() -> set[int]:
    """The ids of :func:`disclosed_implementations` (for code that wants a set rather than a subquery)."""
    return set(disclosed_implementations().values_list("pk", flat=True))


def is_disclosed(implementation: Implementation) -> bool:
    """Whether ``implementation``'s cases may be disclosed (its current published version is marked public)."""
    version = implementation.current_version
    return bool(version is not None and version.status == VersionStatus.PUBLISHED and version.disclose_cases)


def fetch_flow_templates() -> dict[str, FlowTemplate]:
    """The stored review-flow templates by key (the shipped ones once ``ensure_flow_templates`` has run)."""
    return {template.key: template for template in FlowTemplate.objects.all()}


def flow_separates_duties(flow_template_id: int | None) -> bool:
    """Whether the review-flow template forbids one person completing two consecutive steps of a case."""
    return FlowTemplate.objects.filter(pk=flow_template_id or 0, separation_of_duties=True).exists()


def get_version_for_application(
    version_pk: int | None, implementation_code: str | None
) -> ItemVersion | None:
    """The published version to apply for: ``version_pk``, else the current version of an active implementation
    ``implementation_code``; with its item, department and region joined. ``None`` when nothing is published."""
    if version_pk is None:
        parsed = parse_implementation_code(implementation_code)
        implementation = (
            Implementation.objects.filter(code=parsed, is_active=True).only("current_version_id").first()
            if parsed
            else None
        )
        version_pk = implementation.current_version_id if implementation is not None else None
    if version_pk is None:
        return None
    return (
        ItemVersion.objects.select_related(
            "implementation__item", "implementation__department", "implementation__region"
        )
        .filter(pk=version_pk, status=VersionStatus.PUBLISHED)
        .first()
    )


def get_version_material(version: ItemVersion, material_id: Any) -> Material | None:
    """The catalog material ``material_id`` of ``version``, or ``None`` (unknown, or another version's)."""
    try:
        pk = int(material_id)
    except (TypeError, ValueError):
        return None
    if not 0 < pk < 2**63:
        return None
    return Material.objects.filter(pk=pk, version=version).first()
