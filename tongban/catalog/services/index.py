"""The canonical content of a version (hash and diff input) and the search index (decision record 0006)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db import transaction

from tongban.catalog.models import Implementation, ItemVersion, SearchEntry
from tongban.catalog.search import english_terms, segment_for_index
from tongban.catalog.services._base import FAQ_FIELDS, FEE_FIELDS, MATERIAL_FIELDS, plain


def version_content(version: ItemVersion) -> dict[str, Any]:
    """Every guide element of ``version`` as plain JSON-able data (used for the hash and the diff)."""
    data: dict[str, Any] = {}
    for name in ItemVersion.guide_field_names():
        value = getattr(version, name)
        data[name] = (value.key if value else None) if name == "flow_template" else plain(value)
    data["review_departments"] = sorted(d.credit_code for d in version.review_departments.all())
    data["materials"] = [{f: plain(getattr(m, f)) for f in MATERIAL_FIELDS} for m in version.materials.all()]
    data["fees"] = [{f: getattr(x, f) for f in FEE_FIELDS} for x in version.fees.all()]
    data["faqs"] = [{f: getattr(x, f) for f in FAQ_FIELDS} for x in version.faqs.all()]
    return data


def content_hash(version: ItemVersion) -> str:
    """SHA-256 of the canonical JSON of the version's content."""
    canonical = json.dumps(
        version_content(version), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def update_search_entry(implementation: Implementation) -> SearchEntry | None:
    """Rewrite the search-index row of ``implementation`` from its current published version.

    Called by ``do_publish_version`` inside its transaction (and when an item's English name changes); on
    SQLite it also rewrites the FTS5 row. The English name and the English words of the Chinese phrases in the
    text are indexed too, so the English UI finds items by English words (passport, marriage, business licence).
    """
    from django.db import connection

    implementation = Implementation.objects.select_related("item", "department", "current_version").get(
        pk=implementation.pk
    )
    version = implementation.current_version
    if version is None:
        SearchEntry.objects.filter(implementation=implementation).delete()
        _write_fts(connection, implementation.pk, None)
        return None
    item = implementation.item
    parts = [
        item.name,
        item.name_en,
        implementation.department.name,
        " ".join(version.materials.values_list("name", flat=True)),
        version.acceptance_conditions,
        version.result_name,
        item.base_code,
        implementation.code,
    ]
    text = "\n".join(p for p in parts if p)
    segmented = segment_for_index(text)
    name_terms = " ".join([segment_for_index(item.name), *english_terms(item.name, item.name_en)])
    entry, _ = SearchEntry.objects.update_or_create(
        implementation=implementation,
        defaults={"name": item.name, "text": text, "segmented": segmented, "name_terms": f" {name_terms} "},
    )
    _write_fts(connection, implementation.pk, segmented)
    return entry


def _write_fts(connection: Any, rowid: int, segmented: str | None) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM catalog_search_fts WHERE rowid = %s", [rowid])
        if segmented is not None:
            cursor.execute(
                "INSERT INTO catalog_search_fts (rowid, segmented) VALUES (%s, %s)", [rowid, segmented]
            )


def rebuild_search_index() -> int:
    """Re-index every implementation with a published version; returns how many were indexed."""
    count = 0
    with transaction.atomic():
        for implementation in Implementation.objects.filter(current_version__isnull=False).only("pk"):
            update_search_entry(implementation)
            count += 1
    return count
