"""Background jobs of ``licenses`` (``django.tasks``; run by django-tasks-db workers, or immediately in tests)."""

from __future__ import annotations

from django_tasks import task

from tongban.licenses.models import License


@task()
def render_license_pdf(license_id: int) -> bool:
    """Render, sign and cache the PDF face of a licence, queued after the issuing transaction commits.

    Idempotent: a licence whose PDF is cached (or that no longer exists) is left alone; returns whether it rendered.
    """
    from tongban.licenses.documents import license_pdf

    lic = License.objects.select_related("type", "issuing_department", "seal").filter(pk=license_id).first()
    if lic is None or lic.pdf:
        return False
    license_pdf(lic, actor=None)
    return True
