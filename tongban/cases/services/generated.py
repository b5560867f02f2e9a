"""Generated materials (系统生成材料): the application form rendered from the online form at submission.

A guide marks its application form ``generated_from_form`` when the online form replaces it ("网上申请时由系统根据
在线填报内容自动生成，无需另行上传"). Such a material is never demanded as an upload: when the case is submitted —
online, over the API or at a window — the submitted form is rendered as a PDF and stored as that material, in the
submission's transaction, with its SHA-256 in the ledger (``case.material_generated``). An upload the applicant or
the clerk made for it anyway (a signed paper form scanned at the window) is kept and nothing is generated.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from django.core.files.base import ContentFile

from tongban.cases.documents.application_form import render_application_form_pdf
from tongban.cases.documents.uploads import PDF
from tongban.cases.events import CaseLedgerAction
from tongban.cases.models import Case, CaseMaterial
from tongban.cases.services._kernel import append_case_ledger


def generate_form_materials(case: Case, *, actor: Any, now: datetime) -> list[CaseMaterial]:
    """Render and store every ``generated_from_form`` material of the locked ``case`` that has no current file.

    Called by submission once the number is assigned (the PDF prints it), inside its transaction; returns the new
    rows. The rows are marked ``generated`` and belong to no uploader.
    """
    supplied = set(
        case.materials.filter(is_current=True, material__isnull=False)
        .exclude(file="")
        .values_list("material_id", flat=True)
    )
    rows = []
    for material in case.version.materials.filter(generated_from_form=True).order_by("order", "id"):
        if material.pk in supplied:
            continue
        content = render_application_form_pdf(case, material)
        sha256 = hashlib.sha256(content).hexdigest()
        original_name = f"{material.name[:120]}.pdf".replace("/", "_")
        row = CaseMaterial(
            case=case,
            material=material,
            name=material.name[:300],
            original_name=original_name,
            size=len(content),
            content_type=PDF,
            sha256=sha256,
            uploaded_at=now,
            generated=True,
        )
        row.file.save(original_name, ContentFile(content), save=False)
        row.save()
        append_case_ledger(
            case,
            actor,
            CaseLedgerAction.MATERIAL_GENERATED,
            {
                "state": case.state,
                "material": material.pk,
                "name": row.name,
                "sha256": sha256,
                "size": row.size,
            },
        )
        rows.append(row)
    return rows
