"""The applicant's pages: apply online, drafts, 我的办件, the case page and its actions, downloads.

Views are thin (STYLE §2): parse input, fetch with an access helper, call one service, render. A refusal from a
service (``DomainError``) re-renders the page with the Chinese message and the HTTP status of the error, never a
500, and keeps what the user entered. Every applicant action works without JavaScript.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tongban.accounts.access import is_staff_user
from tongban.accounts.queries import fetch_enterprises_for_agent
from tongban.cases import access, errors, forms, queries, services
from tongban.cases.access import CasePermission
from tongban.cases.choices import CaseAction, CaseState, DeliveryMode, NoticeKind
from tongban.cases.documents.notices import get_notice_pdf, notice_filename
from tongban.cases.documents.uploads import ACCEPT_ATTRIBUTE, download_response, max_upload_mb
from tongban.cases.formschema import SchemaForm, display_rows, prefill_values
from tongban.cases.views._common import (
    FORM_PREFIX,
    annotate_clock,
    case_or_404,
    delivery_form,
    error_context,
    form_refusal,
    implementation_or_404,
    remaining,
)
from tongban.catalog.choices import MaterialNecessity
from tongban.core.errors import DomainError

# --- apply, drafts, receipt ----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, code: str) -> HttpResponse:
    """在线申请 from a guide: the item's form, materials checklist with uploads, commitment, save or submit."""
    implementation = implementation_or_404(code)
    return _application_page(request, implementation.current_version, case=None)


def _chosen_enterprise(request: HttpRequest, case: Any) -> tuple[Any, list[Any]]:
    """The enterprise the application is for (法人 applicant) and the ones the user may act for (经办人)."""
    enterprises = list(fetch_enterprises_for_agent(request.user))
    if case is not None:
        return case.enterprise, enterprises
    wanted = request.POST.get("enterprise") or request.GET.get("as") or ""
    chosen = next((e for e in enterprises if str(e.pk) == wanted), None)
    return chosen, enterprises


@login_required
@require_http_methods(["GET", "POST"])
def draft_edit(request: HttpRequest, ref: str) -> HttpResponse:
    """Resume a saved draft (草稿) of the signed-in applicant."""
    case = case_or_404(request.user, ref)
    if not access.can(request.user, case, CasePermission.EDIT_DRAFT):
        return redirect("cases:case_detail", ref=case.ref)
    return _application_page(request, case.version, case=case)


@login_required
@require_POST
def draft_delete(request: HttpRequest, ref: str) -> HttpResponse:
    """删除草稿: the applicant deletes one of their drafts (with its uploads)."""
    case = case_or_404(request.user, ref)
    try:
        services.do_delete_draft(case, actor=request.user)
    except DomainError as exc:
        if exc.code == errors.CASE_NOT_FOUND.code:
            raise Http404(str(exc.message)) from exc
        messages.error(request, str(exc.message))
        return redirect("cases:case_detail", ref=case.ref)
    messages.success(request, _("草稿已删除。"))
    return redirect("cases:my_cases")


def _material_rows(
    version: Any, case: Any, upload_errors: dict[int, str], offers: dict[int, list[Any]] | None = None
) -> list[dict[str, Any]]:
    current = {}
    if case is not None:
        for cm in case.materials.filter(is_current=True).order_by("id"):
            if cm.material_id:
                current[cm.material_id] = cm
    return [
        {
            "material": material,
            "uploaded": current.get(material.pk),
            "error": upload_errors.get(material.pk, ""),
            "required": material.necessity == MaterialNecessity.REQUIRED and not material.exempt_if_shared,
            # 免证可办: the applicant's valid licences that may be used instead of an upload.
            "licenses": (offers or {}).get(material.pk, []),
        }
        for material in version.materials.all()
    ]


def _posted_uploads(request: HttpRequest, version: Any) -> list[tuple[Any, Any]]:
    return [
        (material, request.FILES[f"material-{material.pk}"])
        for material in version.materials.all()
        if f"material-{material.pk}" in request.FILES
    ]


def _posted_licenses(request: HttpRequest, version: Any) -> list[tuple[Any, str]]:
    """The licences chosen instead of uploads (``license-<material id>``); an upload of the same material wins."""
    return [
        (material, request.POST[f"license-{material.pk}"])
        for material in version.materials.all()
        if material.license_type_code
        and request.POST.get(f"license-{material.pk}")
        and f"material-{material.pk}" not in request.FILES
    ]


def _license_offers(user: Any, version: Any, case: Any, enterprise: Any) -> dict[int, list[Any]]:
    """The licences the user may use instead of uploads: their own, or those of the enterprise they act for."""
    if case is not None and case.enterprise_id is None and case.applicant_user_id != user.pk:
        return {}  # 代办: only the holder authorises a use of their licence
    return queries.fetch_license_offers(version, holder_user=user, enterprise=enterprise)


def _application_page(request: HttpRequest, version: Any, case: Any) -> HttpResponse:
    """Render and process the application page; every POST saves the draft first, so nothing is lost."""
    schema = version.form_schema or {}
    user = request.user
    enterprise, enterprises = _chosen_enterprise(request, case)
    error_ctx: dict[str, Any] = {}
    upload_errors: dict[int, str] = {}
    status = 200
    if request.method == "POST":
        form = SchemaForm(schema, data=request.POST, prefix=FORM_PREFIX)
        valid = form.is_valid()
        chosen = delivery_form(case, version, request.POST, required=False)
        # An invalid 领取方式 keeps the saved one (the draft is still saved, nothing typed is lost).
        delivery_ok = chosen.is_valid()
        delivery: dict[str, Any] = chosen.cleaned_data if delivery_ok else {"mode": None, "address": ""}
        action = request.POST.get("action", "save")
        typed = {name: request.POST.get(form.add_prefix(name), "") for name in form.fields}
        removed = [int(pk) for pk in request.POST.getlist("remove") if pk.isdigit()]
        result = services.check_save_application(
            actor=user,
            version=version,
            case=case,
            form_data=form.schema_data if valid else {k: v for k, v in typed.items() if v != ""},
            delivery_mode=delivery["mode"],
            delivery_address=delivery["address"],
            enterprise=enterprise,
            idempotency_key=request.POST.get("idempotency_key", ""),
            remove_ids=removed,
            uploads=_posted_uploads(request, version),
            licenses=_posted_licenses(request, version),
            submit=action == "submit" and valid and delivery_ok,
            commitment_signed=bool(request.POST.get("commitment_signed")),
        )
        case, upload_errors = result.case, result.upload_errors
        if result.submitted or (case is not None and case.state != CaseState.DRAFT):
            return redirect("cases:submitted", number=case.number)
        if result.error is not None:
            error_ctx, status = error_context(result.error), result.error.status
        elif not delivery_ok:
            refusal = form_refusal(chosen)
            error_ctx, status = error_context(refusal), refusal.status
        elif action != "submit" and not upload_errors and not removed:
            messages.success(request, _("草稿已保存，可随时在“我的办件”中继续填写。"))
            return redirect("cases:draft_edit", ref=case.ref)
        if not valid and action == "submit":
            status = 422
            error_ctx = error_ctx or error_context(errors.FORM_INVALID.error())
        if upload_errors:
            status = max(status, 422)
        if case is not None and case.pk:
            case.refresh_from_db()
    else:
        initial = (
            dict(case.form_data)
            if case is not None
            else prefill_values(schema, user=user, enterprise=enterprise)
        )
        form = SchemaForm(schema, prefix=FORM_PREFIX, initial=initial)
        chosen = delivery_form(case, version, required=False)
    context = {
        "version": version,
        "implementation": version.implementation,
        "case": case,
        "form": form,
        "delivery_form": chosen,
        "material_rows": _material_rows(
            version, case, upload_errors, _license_offers(user, version, case, enterprise)
        ),
        "accept": ACCEPT_ATTRIBUTE,
        "max_mb": max_upload_mb(),
        "idempotency_key": request.POST.get("idempotency_key") or uuid.uuid4().hex,
        "enterprise": enterprise,
        "enterprises": enterprises,
        **error_ctx,
    }
    return render(request, "cases/apply.html", context, status=status)


@login_required
def submitted(request: HttpRequest, number: str) -> HttpResponse:
    """提交成功: the case number, the query code and the receipt (收件回执) to download."""
    case = case_or_404(request.user, number)
    receipt = case.notices.filter(kind=NoticeKind.RECEIPT).order_by("-created_at").first()
    return render(request, "cases/submitted.html", {"case": case, "receipt": receipt})


# --- 我的办件 and the case page ------------------------------------------------------------------------------


@login_required
def my_cases(request: HttpRequest) -> HttpResponse:
    """我的办件: the signed-in applicant's drafts and cases with state and remaining working days."""
    page = Paginator(queries.fetch_cases_for_applicant(request.user), 20).get_page(request.GET.get("page"))
    annotate_clock(list(page.object_list))
    return render(request, "cases/my_cases.html", {"page": page})


def _correction_problems(case: Any) -> list[dict[str, Any]]:
    """The problems of the latest one-time correction notice, each marked ``fixed`` once re-uploaded."""
    notice = case.notices.filter(kind=NoticeKind.CORRECTION).order_by("-created_at", "-id").first()
    if notice is None:
        return []
    problems = []
    for index, problem in enumerate(notice.content.get("problems", [])):
        uploads = case.materials.filter(is_current=True, uploaded_at__gte=notice.created_at).exclude(file="")
        if problem.get("material_id"):
            uploads = uploads.filter(material_id=problem["material_id"])
        else:
            uploads = uploads.filter(material__isnull=True, name=problem.get("name"))
        problems.append({**problem, "index": index, "fixed": uploads.exists()})
    return problems


def _applicant_context(user: Any, case: Any, *, chosen_delivery: Any = None) -> dict[str, Any]:
    materials = list(case.materials.filter(is_current=True).select_related("material").order_by("id"))
    notices = list(case.notices.order_by("created_at", "id"))
    days, level = remaining(case)
    allowed = access.allowed_actions(user, case)
    return {
        "case": case,
        "timeline": queries.plain_timeline(case),
        "materials": materials,
        "problems": _correction_problems(case) if case.state == CaseState.CORRECTION_REQUESTED else [],
        "tolerated": [m for m in materials if m.tolerated and not m.supplied_at and m.material_id],
        "notices": notices,
        "decision_notice": next((n for n in reversed(notices) if n.kind == NoticeKind.DECISION), None),
        # The mode the result goes out by: the applicant's choice, else window pickup (ADR 0007 "Delivery").
        "expected_delivery": case.delivery_mode or case.requested_delivery_mode or DeliveryMode.WINDOW,
        "can_choose_delivery": CasePermission.CHOOSE_DELIVERY in allowed,
        "delivery_form": chosen_delivery or delivery_form(case, case.version),
        "form_rows": display_rows(case.version.form_schema or {}, case.form_data or {}, mask=True),
        "can_withdraw": CaseAction.WITHDRAW in allowed and case.state != CaseState.DRAFT,
        "allowed": allowed,
        "remaining": days,
        "level": level,
        "accept": ACCEPT_ATTRIBUTE,
        "max_mb": max_upload_mb(),
        "withdraw_form": forms.OptionalReasonForm(),
    }


@login_required
def case_detail(request: HttpRequest, ref: str) -> HttpResponse:
    """办件详情 for the applicant: plain timeline, materials, notices, correction, withdrawal, pickup code."""
    case = case_or_404(request.user, ref)
    if not access.is_applicant_side(request.user, case):
        if is_staff_user(request.user) and case.number:
            return redirect("cases:staff_case", number=case.number)
        raise Http404
    if case.state == CaseState.DRAFT:
        return redirect("cases:draft_edit", ref=case.ref)
    return render(request, "cases/case_detail.html", _applicant_context(request.user, case))


def _applicant_action(request: HttpRequest, ref: str, action: Any) -> HttpResponse:
    """Run one applicant action; on a refusal re-render the case page with the message and the error status."""
    case = case_or_404(request.user, ref)
    if not access.is_applicant_side(request.user, case):
        raise Http404
    try:
        message = action(case)
    except DomainError as exc:
        context = {**_applicant_context(request.user, case), **error_context(exc)}
        return render(request, "cases/case_detail.html", context, status=exc.status)
    messages.success(request, message)
    return redirect("cases:case_detail", ref=case.ref)


def _uploaded_file(request: HttpRequest) -> Any:
    uploaded = request.FILES.get("file")
    if uploaded is None:
        raise errors.UPLOAD_EMPTY.error(_("请选择要上传的文件。"))
    return uploaded


@login_required
@require_POST
def correction_upload(request: HttpRequest, ref: str, index: int) -> HttpResponse:
    """补正: upload a new file for ONE problem listed on the one-time correction notice."""

    def action(case: Any) -> str:
        problems = _correction_problems(case) if case.state == CaseState.CORRECTION_REQUESTED else []
        if index >= len(problems):
            raise errors.MATERIAL_NOT_FLAGGED.error()
        problem = problems[index]
        material = case.version.materials.filter(pk=problem.get("material_id") or 0).first()
        services.do_add_material(
            case,
            actor=request.user,
            file=_uploaded_file(request),
            material=material,
            name=problem.get("name", ""),
        )
        return _("已上传“%(name)s”的补正材料。") % {"name": problem.get("name", "")}

    return _applicant_action(request, ref, action)


@login_required
@require_POST
def supplement_upload(request: HttpRequest, ref: str, material_id: int) -> HttpResponse:
    """容缺补交: supply a material that was tolerated at acceptance."""

    def action(case: Any) -> str:
        material = case.version.materials.filter(pk=material_id).first()
        if material is None:
            raise errors.MATERIAL_NOT_TOLERATED.error()
        services.do_supplement_material(
            case, actor=request.user, material=material, file=_uploaded_file(request)
        )
        return _("已补交容缺材料“%(name)s”。") % {"name": material.name}

    return _applicant_action(request, ref, action)


@login_required
@require_POST
def choose_delivery(request: HttpRequest, ref: str) -> HttpResponse:
    """选择领取方式: the applicant chooses or changes how the result reaches them, until it is handed out."""
    case = case_or_404(request.user, ref)
    if not access.is_applicant_side(request.user, case):
        raise Http404
    form = delivery_form(case, case.version, request.POST)
    try:
        if not form.is_valid():
            raise form_refusal(form)
        services.do_choose_delivery(
            case, actor=request.user, mode=form.cleaned_data["mode"], address=form.cleaned_data["address"]
        )
    except DomainError as exc:
        context = {**_applicant_context(request.user, case, chosen_delivery=form), **error_context(exc)}
        return render(request, "cases/case_detail.html", context, status=exc.status)
    messages.success(request, _("领取方式已保存。"))
    return redirect("cases:case_detail", ref=case.ref)


@login_required
@require_POST
def resubmit(request: HttpRequest, ref: str) -> HttpResponse:
    """补正后重新提交."""

    def action(case: Any) -> str:
        services.do_resubmit_correction(case, actor=request.user)
        return _("补正材料已提交，请等待审核。")

    return _applicant_action(request, ref, action)


@login_required
@require_POST
def withdraw(request: HttpRequest, ref: str) -> HttpResponse:
    """撤回申请 (before the decision)."""
    form = forms.OptionalReasonForm(request.POST)
    form.is_valid()

    def action(case: Any) -> str:
        services.do_withdraw_case(case, actor=request.user, reason=form.cleaned_data.get("reason", ""))
        return _("申请已撤回。")

    return _applicant_action(request, ref, action)


# --- downloads (applicants and staff, after the access check) ------------------------------------------------


@login_required
def material_download(request: HttpRequest, ref: str, material_id: int) -> FileResponse:
    """Download one uploaded material after the case access check (attachment, ``nosniff``)."""
    case = case_or_404(request.user, ref)
    material = case.materials.filter(pk=material_id).first()
    if material is None or not material.file:
        raise Http404
    return download_response(
        material.file, filename=material.original_name or material.name, content_type=material.content_type
    )


@login_required
def notice_download(request: HttpRequest, ref: str, notice_id: int) -> FileResponse:
    """Download one notice (文书) as PDF, rendered on first use and cached."""
    case = case_or_404(request.user, ref)
    notice = (
        case.notices.select_related("department", "case__implementation__item").filter(pk=notice_id).first()
    )
    if notice is None:
        raise Http404
    return download_response(
        get_notice_pdf(notice), filename=notice_filename(notice), content_type="application/pdf"
    )
