"""Web pages of the case lifecycle: applicant, window clerk, department inbox, supervision and public lookup.

Views are thin (STYLE §2): parse input, fetch with an access helper, call a service, render. A refusal from a
service (``DomainError``) re-renders the page with the Chinese message, its stable code and the HTTP status of the
error, never a 500, and keeps what the user entered. HTMX requests get a partial from ``cases/_partials/``, others
the full page; every applicant action works without JavaScript.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from tongban.accounts.choices import Role
from tongban.accounts.permissions import is_staff_user, user_has_role
from tongban.accounts.queries import fetch_enterprises_for_agent
from tongban.cases import clock, errors, forms, queries, services
from tongban.cases.choices import CaseState, DeliveryMode, MaterialReviewStatus, NoticeKind, TaskState
from tongban.cases.flows import STEPS
from tongban.cases.formschema import SchemaForm, display_rows, prefill_values
from tongban.cases.notices_pdf import get_notice_pdf, notice_filename
from tongban.cases.uploads import ACCEPT_ATTRIBUTE, check_upload, download_response, max_upload_mb
from tongban.catalog.choices import MaterialNecessity
from tongban.catalog.queries import fetch_published, get_published_implementation
from tongban.core.errors import DomainError, ErrorDef
from tongban.organizations.models import Department

FORM_PREFIX = "f"
OPEN_TASK_STATES = (TaskState.OPEN, TaskState.CLAIMED)
# After these the applicant can no longer choose 领取方式 (the service refuses too).
CHOICE_CLOSED_STATES = {
    CaseState.DELIVERED,
    CaseState.CLOSED,
    CaseState.WITHDRAWN,
    CaseState.TERMINATED,
    CaseState.NOT_ACCEPTED,
}


# --- helpers -------------------------------------------------------------------------------------------------


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _staff_render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    """Render a staff page with the work tabs the user's roles allow (窗口 for clerks, 电子监察 for supervisors)."""
    user = request.user
    context = {
        **context,
        "nav_clerk": user_has_role(user, Role.CLERK),
        "nav_supervisor": user_has_role(user, Role.SUPERVISOR),
    }
    return render(request, template, context, status=status)


def _case_or_404(user: Any, ref: str) -> Any:
    """The case ``ref`` (number or draft id) if ``user`` may see it; 404 for missing and forbidden alike."""
    try:
        return queries.access_case_by_ref(user, ref)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def _task_or_404(user: Any, task_id: int) -> Any:
    try:
        return queries.access_task_by_id(user, task_id)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def _is_applicant_side(user: Any, case: Any) -> bool:
    """True for the applicant, the agent or proxy acting, whoever created the application, and — because the case
    was already fetched through the access helper — any other non-staff account allowed to see it (another
    authorised agent of the same enterprise, a proxy holding an authorisation)."""
    return user.pk in {case.created_by_id, case.applicant_user_id, case.agent_id} or not is_staff_user(user)


def _error_context(exc: DomainError) -> dict[str, Any]:
    return {"error": {"code": exc.code, "message": str(exc.message), "fields": exc.fields}}


def _remaining(case: Any) -> tuple[int | None, str]:
    """Remaining working days and the warning level; ``(None, "none")`` when the calendar cannot say."""
    try:
        return clock.remaining_working_days(case), clock.warning_level(case)
    except DomainError:
        return None, "none"


def _annotate_clock(cases: list[Any]) -> list[Any]:
    for case in cases:
        case.remaining_days, case.level = _remaining(case)
    return cases


def _form_refusal(form: Any) -> DomainError:
    """The stable error of the first failing field whose code is one of ``cases.errors``, else FORM_INVALID."""
    for field_errors in form.errors.as_data().values():
        for error in field_errors:
            known = getattr(errors, error.code or "", None)
            if isinstance(known, ErrorDef):
                return known.error(fields=form.errors.get_json_data())
    return errors.FORM_INVALID.error(fields=form.errors.get_json_data())


def _delivery_form(case: Any, version: Any, data: Any = None, *, required: bool = True) -> Any:
    """The 领取方式 form with the modes ``version`` offers, preset to the case's current choice."""
    initial = {"mode": case.requested_delivery_mode, "address": case.delivery_address} if case else {}
    return forms.DeliveryChoiceForm(
        data, modes=queries.offered_delivery_modes(version), required=required, initial=initial
    )


def _implementation_or_404(code: str) -> Any:
    try:
        return get_published_implementation(code)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


# --- applicant: apply, drafts, receipt ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, code: str) -> HttpResponse:
    """在线申请 from a guide: the item's form, materials checklist with uploads, commitment, save or submit."""
    implementation = _implementation_or_404(code)
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
    case = _case_or_404(request.user, ref)
    if case.state != CaseState.DRAFT or not _is_applicant_side(request.user, case):
        return redirect("cases:case_detail", ref=case.ref)
    return _application_page(request, case.version, case=case)


def _material_rows(version: Any, case: Any, upload_errors: dict[int, str]) -> list[dict[str, Any]]:
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
        }
        for material in version.materials.all()
    ]


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
        delivery_form = _delivery_form(case, version, request.POST, required=False)
        # An invalid 领取方式 keeps the saved one (the draft is still saved, nothing typed is lost).
        delivery_ok = delivery_form.is_valid()
        delivery: dict[str, Any] = (
            delivery_form.cleaned_data if delivery_ok else {"mode": None, "address": ""}
        )
        action = request.POST.get("action", "save")
        typed = {name: request.POST.get(form.add_prefix(name), "") for name in form.fields}
        form_data = form.schema_data if valid else {k: v for k, v in typed.items() if v != ""}
        try:
            if case is None:
                case = services.do_create_case(
                    actor=user,
                    version=version,
                    form_data=form_data,
                    enterprise=enterprise,
                    idempotency_key=request.POST.get("idempotency_key", "")[:100],
                    delivery_mode=delivery["mode"] or "",
                    delivery_address=delivery["address"],
                )
            else:
                case = services.do_update_draft(
                    case,
                    actor=user,
                    form_data=form_data,
                    delivery_mode=delivery["mode"],
                    delivery_address=delivery["address"],
                )
        except DomainError as exc:
            error_ctx = _error_context(exc)
            status = exc.status
        if case is not None and not error_ctx:
            for removed in request.POST.getlist("remove"):
                row = case.materials.filter(
                    pk=int(removed) if removed.isdigit() else 0, is_current=True
                ).first()
                if row is not None:
                    services.do_remove_material(row, actor=user)
            upload_errors = _save_uploads(request, case, version)
            if not delivery_ok:
                refusal = _form_refusal(delivery_form)
                error_ctx, status = _error_context(refusal), refusal.status
            elif action == "submit" and valid and not upload_errors:
                try:
                    with transaction.atomic():
                        if version.commitment and not case.commitment_signed_at:
                            if not request.POST.get("commitment_signed"):
                                raise DomainError(
                                    "COMMITMENT_NOT_SIGNED", _("请先阅读并勾选签署告知承诺书。"), status=422
                                )
                            services.do_sign_commitment(case, actor=user)
                        case = services.do_submit_case(case, actor=user)
                    return redirect("cases:submitted", number=case.number)
                except DomainError as exc:
                    error_ctx = _error_context(exc)
                    status = exc.status
            elif action != "submit" and not upload_errors and not request.POST.getlist("remove"):
                messages.success(request, _("草稿已保存，可随时在“我的办件”中继续填写。"))
                return redirect("cases:draft_edit", ref=case.ref)
        if not valid and action == "submit":
            status = 422
            error_ctx = error_ctx or {
                "error": {"code": "FORM_INVALID", "message": _("申请表填写有误，请按提示修改。")}
            }
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
        delivery_form = _delivery_form(case, version, required=False)
    context = {
        "version": version,
        "implementation": version.implementation,
        "case": case,
        "form": form,
        "delivery_form": delivery_form,
        "material_rows": _material_rows(version, case, upload_errors),
        "accept": ACCEPT_ATTRIBUTE,
        "max_mb": max_upload_mb(),
        "idempotency_key": request.POST.get("idempotency_key") or uuid.uuid4().hex,
        "enterprise": enterprise,
        "enterprises": enterprises,
        **error_ctx,
    }
    return render(request, "cases/apply.html", context, status=status)


def _save_uploads(request: HttpRequest, case: Any, version: Any) -> dict[int, str]:
    """Attach each uploaded material file (checked by content first); return errors by material id."""
    errors: dict[int, str] = {}
    for material in version.materials.all():
        uploaded = request.FILES.get(f"material-{material.pk}")
        if uploaded is None:
            continue
        try:
            _sha, content_type = check_upload(uploaded)
            services.do_add_material(
                case, actor=request.user, file=uploaded, material=material, content_type=content_type
            )
        except DomainError as exc:
            errors[material.pk] = f"{exc.message}"
    return errors


@login_required
def submitted(request: HttpRequest, number: str) -> HttpResponse:
    """提交成功: the case number, the query code and the receipt (收件回执) to download."""
    case = _case_or_404(request.user, number)
    receipt = case.notices.filter(kind="receipt").order_by("-created_at").first()
    return render(request, "cases/submitted.html", {"case": case, "receipt": receipt})


# --- applicant: my cases and the case page -----------------------------------------------------------------


@login_required
def my_cases(request: HttpRequest) -> HttpResponse:
    """我的办件: the signed-in applicant's drafts and cases with state and remaining working days."""
    page = Paginator(queries.fetch_cases_for_applicant(request.user), 20).get_page(request.GET.get("page"))
    _annotate_clock(list(page.object_list))
    return render(request, "cases/my_cases.html", {"page": page})


def _applicant_context(case: Any, *, delivery_form: Any = None) -> dict[str, Any]:
    materials = list(case.materials.filter(is_current=True).select_related("material").order_by("id"))
    notices = list(case.notices.order_by("created_at", "id"))
    remaining, level = _remaining(case)
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
        "can_choose_delivery": case.state not in CHOICE_CLOSED_STATES,
        "delivery_form": delivery_form or _delivery_form(case, case.version),
        "form_rows": display_rows(case.version.form_schema or {}, case.form_data or {}, mask=True),
        "can_withdraw": case.state
        in {
            CaseState.SUBMITTED,
            CaseState.CORRECTION_REQUESTED,
            CaseState.ACCEPTED,
            CaseState.IN_REVIEW,
            CaseState.SPECIAL_PROCEDURE,
        },
        "remaining": remaining,
        "level": level,
        "accept": ACCEPT_ATTRIBUTE,
        "max_mb": max_upload_mb(),
        "withdraw_form": forms.OptionalReasonForm(),
    }


@login_required
def case_detail(request: HttpRequest, ref: str) -> HttpResponse:
    """办件详情 for the applicant: plain timeline, materials, notices, correction, withdrawal, pickup code."""
    case = _case_or_404(request.user, ref)
    if not _is_applicant_side(request.user, case):
        if is_staff_user(request.user) and case.number:
            return redirect("cases:staff_case", number=case.number)
        raise Http404
    if case.state == CaseState.DRAFT:
        return redirect("cases:draft_edit", ref=case.ref)
    return render(request, "cases/case_detail.html", _applicant_context(case))


def _applicant_action(request: HttpRequest, ref: str, action: Any) -> HttpResponse:
    """Run one applicant action; on a refusal re-render the case page with the message and the error status."""
    case = _case_or_404(request.user, ref)
    if not _is_applicant_side(request.user, case):
        raise Http404
    try:
        message = action(case)
    except DomainError as exc:
        context = {**_applicant_context(case), **_error_context(exc)}
        return render(request, "cases/case_detail.html", context, status=exc.status)
    messages.success(request, message)
    return redirect("cases:case_detail", ref=case.ref)


def _correction_problems(case: Any) -> list[dict[str, Any]]:
    """The problems of the latest one-time correction notice, each marked ``fixed`` once re-uploaded."""
    notice = case.notices.filter(kind="correction").order_by("-created_at", "-id").first()
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


@login_required
@require_POST
def correction_upload(request: HttpRequest, ref: str, index: int) -> HttpResponse:
    """补正: upload a new file for ONE problem listed on the one-time correction notice."""

    def action(case: Any) -> str:
        problems = _correction_problems(case) if case.state == CaseState.CORRECTION_REQUESTED else []
        if index >= len(problems):
            raise DomainError(
                "MATERIAL_NOT_FLAGGED", _("补正期间只能更换一次性告知书中列出的材料。"), status=409
            )
        problem = problems[index]
        uploaded = request.FILES.get("file")
        if uploaded is None:
            raise DomainError("UPLOAD_EMPTY", _("请选择要上传的文件。"), status=422)
        _sha, content_type = check_upload(uploaded)
        material = case.version.materials.filter(pk=problem.get("material_id") or 0).first()
        services.do_add_material(
            case,
            actor=request.user,
            file=uploaded,
            material=material,
            name=problem.get("name", ""),
            content_type=content_type,
        )
        return _("已上传“%(name)s”的补正材料。") % {"name": problem.get("name", "")}

    return _applicant_action(request, ref, action)


@login_required
@require_POST
def supplement_upload(request: HttpRequest, ref: str, material_id: int) -> HttpResponse:
    """容缺补交: supply a material that was tolerated at acceptance."""

    def action(case: Any) -> str:
        material = case.version.materials.filter(pk=material_id).first()
        uploaded = request.FILES.get("file")
        if material is None:
            raise DomainError("MATERIAL_NOT_TOLERATED", _("该材料不在容缺补交清单中。"), status=409)
        if uploaded is None:
            raise DomainError("UPLOAD_EMPTY", _("请选择要上传的文件。"), status=422)
        _sha, content_type = check_upload(uploaded)
        services.do_supplement_material(
            case, actor=request.user, material=material, file=uploaded, content_type=content_type
        )
        return _("已补交容缺材料“%(name)s”。") % {"name": material.name}

    return _applicant_action(request, ref, action)


@login_required
@require_POST
def choose_delivery(request: HttpRequest, ref: str) -> HttpResponse:
    """选择领取方式: the applicant chooses or changes how the result reaches them, until it is handed out."""
    case = _case_or_404(request.user, ref)
    if not _is_applicant_side(request.user, case):
        raise Http404
    form = _delivery_form(case, case.version, request.POST)
    try:
        if not form.is_valid():
            raise _form_refusal(form)
        services.do_choose_delivery(
            case, actor=request.user, mode=form.cleaned_data["mode"], address=form.cleaned_data["address"]
        )
    except DomainError as exc:
        context = {**_applicant_context(case, delivery_form=form), **_error_context(exc)}
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


@login_required
def material_download(request: HttpRequest, ref: str, material_id: int) -> FileResponse:
    """Download one uploaded material after the case access check (attachment, ``nosniff``)."""
    case = _case_or_404(request.user, ref)
    material = case.materials.filter(pk=material_id).first()
    if material is None or not material.file:
        raise Http404
    return download_response(
        material.file, filename=material.original_name or material.name, content_type=material.content_type
    )


@login_required
def notice_download(request: HttpRequest, ref: str, notice_id: int) -> FileResponse:
    """Download one notice (文书) as PDF, rendered on first use and cached."""
    case = _case_or_404(request.user, ref)
    notice = (
        case.notices.select_related("department", "case__implementation__item").filter(pk=notice_id).first()
    )
    if notice is None:
        raise Http404
    return download_response(
        get_notice_pdf(notice), filename=notice_filename(notice), content_type="application/pdf"
    )


# --- window clerk ---------------------------------------------------------------------------------------------


def _require_role(user: Any, *roles: str) -> None:
    if not any(user_has_role(user, role) for role in roles):
        raise Http404


def _window_items(user: Any) -> list[Any]:
    """Published implementations the clerk may take in: those whose department and region their grant covers."""
    return [
        implementation
        for implementation in fetch_published()
        if user_has_role(user, Role.CLERK, department=implementation.department, region=implementation.region)
    ]


@login_required
@require_http_methods(["GET", "POST"])
def window_intake(request: HttpRequest) -> HttpResponse:
    """窗口收件: identify the applicant present, fill the form, attach scans, tick originals, optional 代办."""
    _require_role(request.user, Role.CLERK)
    items = _window_items(request.user)
    code = request.POST.get("code") or request.GET.get("code") or ""
    implementation = next((i for i in items if i.code == code), None)
    query = (request.GET.get("q") or "").strip()[:50]
    shown = [i for i in items if query in i.item.name or query in i.department.name] if query else items
    context: dict[str, Any] = {"items": shown, "implementation": implementation, "code": code, "q": query}
    if implementation is None:
        return _staff_render(request, "cases/window_intake.html", context)
    version = get_published_implementation(code).current_version
    assert version is not None  # a published implementation always has its current version
    status = 200
    if request.method == "POST":
        applicant_form = forms.WindowApplicantForm(request.POST)
        schema_form = SchemaForm(version.form_schema or {}, data=request.POST, prefix=FORM_PREFIX)
        upload_errors: dict[int, str] = {}
        files = []
        for material in version.materials.all():
            uploaded = request.FILES.get(f"material-{material.pk}")
            if uploaded is None:
                continue
            try:
                _sha, _type = check_upload(uploaded)
                files.append((material, uploaded))
            except DomainError as exc:
                upload_errors[material.pk] = str(exc.message)
        forms_valid = applicant_form.is_valid() & schema_form.is_valid()
        if forms_valid and not upload_errors:
            data = applicant_form.cleaned_data
            try:
                case = services.do_window_intake(
                    actor=request.user,
                    version=version,
                    id_number=data["id_number"],
                    name=data["name"],
                    phone=data["phone"],
                    form_data=schema_form.schema_data,
                    files=files,
                    originals_checked=data["originals_checked"],
                    window=_clerk_window(request.user),
                    principal_id_number=data["principal_id_number"],
                    principal_name=data["principal_name"],
                    authorization_note=data["authorization_note"],
                    idempotency_key=request.POST.get("idempotency_key", "")[:100],
                )
            except DomainError as exc:
                context.update(_error_context(exc))
                status = exc.status
            else:
                messages.success(
                    request,
                    _("收件成功，办件编号 %(number)s，查询码 %(code)s。")
                    % {"number": case.number, "code": case.query_code},
                )
                return redirect("cases:staff_case", number=case.number)
        else:
            status = 422
            context["error"] = {
                "code": "FORM_INVALID",
                "message": _("填写有误，请按提示修改；已选择的文件需要重新选择。"),
            }
    else:
        applicant_form = forms.WindowApplicantForm()
        schema_form = SchemaForm(version.form_schema or {}, prefix=FORM_PREFIX)
        upload_errors = {}
    context.update(
        {
            "version": version,
            "applicant_form": applicant_form,
            "form": schema_form,
            "material_rows": _material_rows(version, None, upload_errors),
            "accept": ACCEPT_ATTRIBUTE,
            "max_mb": max_upload_mb(),
            "idempotency_key": request.POST.get("idempotency_key") or uuid.uuid4().hex,
        }
    )
    return _staff_render(request, "cases/window_intake.html", context, status=status)


def _clerk_window(user: Any) -> Any:
    position = user.positions.filter(is_active=True, window__isnull=False).select_related("window").first()
    return position.window if position else None


def _prereview_context(case: Any, *, accept_form: Any = None, refuse_form: Any = None) -> dict[str, Any]:
    version = case.version
    uploaded = list(case.materials.filter(is_current=True).select_related("material").order_by("id"))
    have = {m.material_id for m in uploaded}
    missing = [m for m in version.materials.all() if m.pk not in have]
    tolerable = (
        version.materials.filter(necessity=MaterialNecessity.TOLERABLE)
        if version.tolerance
        else version.materials.none()
    )
    return {
        "case": case,
        "uploaded": uploaded,
        "missing": missing,
        "form_rows": display_rows(version.form_schema or {}, case.form_data or {}, mask=True),
        "accept_form": accept_form or forms.AcceptForm(tolerable=tolerable),
        "refuse_form": refuse_form or forms.ReasonForm(),
        "tolerable": tolerable,
    }


@login_required
@require_http_methods(["GET", "POST"])
def pre_review(request: HttpRequest, number: str) -> HttpResponse:
    """预审: mark each material pass/problem, then one-time correction, accept (容缺 optional) or refuse."""
    case = _case_or_404(request.user, number)
    if not user_has_role(request.user, Role.CLERK, department=case.department) and not user_has_role(
        request.user, Role.CLERK, region=case.region
    ):
        raise Http404
    if request.method == "GET":
        return _staff_render(request, "cases/pre_review.html", _prereview_context(case))
    action = request.POST.get("action", "")
    context_forms: dict[str, Any] = {}
    try:
        with transaction.atomic():
            if action == "correction":
                problems = _problems_from_post(request, case)
                services.do_request_correction(
                    case, actor=request.user, problems=problems, note=request.POST.get("note", "")[:500]
                )
                message = _("已出具一次性告知书，申请人将收到补正通知。")
            elif action == "accept":
                version = case.version
                tolerable = (
                    version.materials.filter(necessity=MaterialNecessity.TOLERABLE)
                    if version.tolerance
                    else version.materials.none()
                )
                accept_form = forms.AcceptForm(request.POST, tolerable=tolerable)
                if not accept_form.is_valid():
                    context_forms["accept_form"] = accept_form
                    raise DomainError("FORM_INVALID", _("受理信息填写有误，请按提示修改。"), status=422)
                _mark_passes(request, case)
                services.do_accept_case(
                    case,
                    actor=request.user,
                    note=accept_form.cleaned_data["note"],
                    tolerated_materials=list(accept_form.cleaned_data["tolerated"]),
                    supplement_deadline_days=accept_form.cleaned_data["supplement_deadline_days"],
                )
                message = _("已受理，受理通知书已出具。")
            elif action == "refuse":
                refuse_form = forms.ReasonForm(request.POST)
                if not refuse_form.is_valid():
                    context_forms["refuse_form"] = refuse_form
                    raise DomainError("REASON_REQUIRED", _("请填写不予受理的理由。"), status=422)
                services.do_refuse_acceptance(
                    case, actor=request.user, reasons=refuse_form.cleaned_data["reason"]
                )
                message = _("已作出不予受理决定。")
            else:
                raise DomainError("VALIDATION_ERROR", _("请选择要执行的操作。"), status=422)
    except DomainError as exc:
        case.refresh_from_db()
        context = {**_prereview_context(case, **context_forms), **_error_context(exc), "posted": request.POST}
        return _staff_render(request, "cases/pre_review.html", context, status=exc.status)
    messages.success(request, message)
    return redirect("cases:staff_case", number=case.number)


def _problems_from_post(request: HttpRequest, case: Any) -> list[tuple[Any, str]]:
    """``[(CaseMaterial or catalog Material, reason)]`` for every row marked as a problem."""
    problems: list[tuple[Any, str]] = []
    for cm in case.materials.filter(is_current=True):
        if request.POST.get(f"mark-{cm.pk}") == "problem":
            problems.append((cm, request.POST.get(f"reason-{cm.pk}", "").strip()[:500]))
    for material in case.version.materials.all():
        if request.POST.get(f"missing-{material.pk}") == "problem":
            problems.append((material, request.POST.get(f"missing-reason-{material.pk}", "").strip()[:500]))
    for _item, reason in problems:
        if not reason:
            raise DomainError("REASON_REQUIRED", _("请为每一项有问题的材料填写原因。"), status=422)
    return problems


def _mark_passes(request: HttpRequest, case: Any) -> None:
    for cm in case.materials.filter(is_current=True):
        if request.POST.get(f"mark-{cm.pk}") == "pass" and cm.review_status != MaterialReviewStatus.PASS:
            services.do_prereview_material(cm, actor=request.user, ok=True)


@login_required
@require_http_methods(["GET", "POST"])
def pickup(request: HttpRequest) -> HttpResponse:
    """统一窗口出件: hand the result out against the case number and the applicant's pickup code."""
    _require_role(request.user, Role.CLERK)
    form = forms.PickupForm(request.POST or None)
    context: dict[str, Any] = {"form": form}
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            case = queries.access_case_by_number(request.user, form.cleaned_data["number"])
            services.do_deliver_case(
                case, actor=request.user, mode="window", pickup_code=form.cleaned_data["pickup_code"].strip()
            )
        except DomainError as exc:
            context.update(_error_context(exc))
            status = exc.status
        else:
            messages.success(request, _("办件 %(number)s 已出件，办理完毕。") % {"number": case.number})
            return redirect("cases:pickup")
    elif request.method == "POST":
        status = 422
    return _staff_render(request, "cases/pickup.html", context, status=status)


# --- department inbox and the staff case page -----------------------------------------------------------------


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """待办件: the user's tasks with counts, filters and remaining-day badges; HTMX gets the table only."""
    if not is_staff_user(request.user):
        raise Http404
    status = request.GET.get("status") or None
    sort = request.GET.get("sort") or "remaining"
    # Any: each task also carries remaining_days and level for the template, as _annotate_clock does for cases.
    tasks: list[Any] = list(queries.fetch_tasks_for_user(request.user, status=status, sort=sort)[:200])
    for task in tasks:
        task.remaining_days, task.level = _remaining(task.case)
    context = {
        "tasks": tasks,
        "counts": queries.count_tasks_for_user(request.user),
        "status": status or "",
        "sort": sort,
        "is_clerk": user_has_role(request.user, Role.CLERK),
        "submitted_cases": _clerk_queue(request.user),
    }
    template = "cases/_partials/inbox_table.html" if _is_htmx(request) else "cases/inbox.html"
    return _staff_render(request, template, context)


def _clerk_queue(user: Any) -> list[Any]:
    """Cases waiting for the clerk: submitted (to pre-review) and decided (to deliver)."""
    if not user_has_role(user, Role.CLERK):
        return []
    cases = list(queries.fetch_cases_for_staff(user, state=CaseState.SUBMITTED)[:50])
    cases += list(queries.fetch_cases_for_staff(user, state=CaseState.DECIDED)[:50])
    return _annotate_clock(cases)


@login_required
@require_POST
def task_claim(request: HttpRequest, task_id: int) -> HttpResponse:
    """签收 a task from the department pool."""
    task = _task_or_404(request.user, task_id)
    try:
        services.do_claim_task(task, actor=request.user)
    except DomainError as exc:
        return _staff_case_page(request, task.case, exc=exc)
    messages.success(request, _("已签收：%(name)s") % {"name": task.name})
    return redirect("cases:staff_case", number=task.case.number)


def _colleagues(task: Any, user: Any) -> Any:
    return (
        get_user_model()
        .objects.filter(role_grants__role=task.role, role_grants__department=task.department, is_active=True)
        .exclude(pk=user.pk)
        .distinct()
        .order_by("username")
    )


def _task_forms(task: Any, user: Any, data: Any = None, which: str = "") -> dict[str, Any]:
    return {
        "complete_form": forms.CompleteTaskForm(
            data if which == "complete" else None,
            initial={"expected_version": task.version},
            return_allowed=getattr(STEPS.get(task.step), "return_allowed", True),
        ),
        "transfer_form": forms.TransferForm(
            data if which == "transfer" else None, colleagues=_colleagues(task, user)
        ),
        "signer_form": forms.AddSignerForm(
            data if which == "signer" else None,
            departments=Department.objects.filter(is_active=True)
            .exclude(pk=task.department_id)
            .order_by("name"),
        ),
    }


def _staff_context(
    request: HttpRequest, case: Any, *, task_forms: dict[int, dict[str, Any]] | None = None
) -> dict[str, Any]:
    user = request.user
    tasks = list(
        case.tasks.select_related("department", "assignee", "completed_by").order_by("created_at", "id")
    )
    actionable = []
    for task in tasks:
        if task.state not in OPEN_TASK_STATES:
            continue
        holds_role = user_has_role(user, task.role, department=task.department)
        if task.assignee_id == user.pk:
            task.can_complete = True
            task.forms = (task_forms or {}).get(task.pk) or _task_forms(task, user)
            actionable.append(task)
        elif task.assignee_id is None and holds_role:
            task.can_claim = True
            actionable.append(task)
    in_department = any(
        user_has_role(user, role, department=case.department) for role in (Role.REVIEWER, Role.APPROVER)
    )
    is_clerk = user_has_role(user, Role.CLERK, department=case.department) or user_has_role(
        user, Role.CLERK, region=case.region
    )
    remaining, level = _remaining(case)
    return {
        "case": case,
        "timeline": queries.fetch_case_timeline(case),
        "form_rows": display_rows(case.version.form_schema or {}, case.form_data or {}, mask=True),
        "materials": list(case.materials.select_related("material").order_by("-is_current", "id")),
        "notices": list(case.notices.order_by("created_at", "id")),
        "tasks": tasks,
        "actionable": actionable,
        "extensions": list(case.extensions.order_by("requested_at")),
        "intervals": list(case.clock_intervals.order_by("started_at")),
        "remaining": remaining,
        "level": level,
        "can_special": in_department and case.state in (CaseState.IN_REVIEW, CaseState.SPECIAL_PROCEDURE),
        "can_extend": in_department and case.state in (CaseState.IN_REVIEW, CaseState.SPECIAL_PROCEDURE),
        "can_prereview": is_clerk and case.state == CaseState.SUBMITTED,
        "can_deliver": (is_clerk or in_department) and case.state == CaseState.DECIDED,
        "can_terminate": user_has_role(user, Role.SUPERVISOR, region=case.region)
        and case.state
        in (
            CaseState.SUBMITTED,
            CaseState.CORRECTION_REQUESTED,
            CaseState.ACCEPTED,
            CaseState.IN_REVIEW,
            CaseState.SPECIAL_PROCEDURE,
        ),
        "special_form": forms.SpecialProcedureForm(),
        "finish_form": forms.FinishSpecialProcedureForm(),
        "extension_form": forms.ExtensionForm(),
        # The applicant's choice binds the hand-out, so it is the form's default (ADR 0007 "Delivery").
        "deliver_form": forms.DeliverForm(
            initial={"mode": case.delivery_mode or case.requested_delivery_mode or DeliveryMode.WINDOW}
        ),
        "terminate_form": forms.ReasonForm(),
    }


def _staff_case_page(
    request: HttpRequest,
    case: Any,
    *,
    exc: DomainError | None = None,
    status: int = 200,
    extra: dict[str, Any] | None = None,
    task_forms: dict[int, dict[str, Any]] | None = None,
) -> HttpResponse:
    case.refresh_from_db()
    context = _staff_context(request, case, task_forms=task_forms)
    if exc is not None:
        context.update(_error_context(exc))
        status = exc.status
    context.update(extra or {})
    return _staff_render(request, "cases/staff_case.html", context, status=status)


@login_required
def staff_case(request: HttpRequest, number: str) -> HttpResponse:
    """办件审查页 for staff: full timeline, form data, materials, tasks and the actions the user may take."""
    if not is_staff_user(request.user):
        raise Http404
    case = _case_or_404(request.user, number)
    return _staff_case_page(request, case)


def _task_action(request: HttpRequest, task_id: int, which: str, run: Any) -> HttpResponse:
    """Validate one task form and run its service; errors re-render the staff case page (4xx, message kept)."""
    task = _task_or_404(request.user, task_id)
    bound = _task_forms(task, request.user, request.POST, which)
    form = bound[f"{which}_form"]
    if not form.is_valid():
        exc = DomainError("FORM_INVALID", _("填写有误，请按提示修改。"), status=422)
        return _staff_case_page(request, task.case, exc=exc, task_forms={task.pk: bound})
    try:
        message = run(task, form.cleaned_data)
    except DomainError as exc:
        return _staff_case_page(request, task.case, exc=exc, task_forms={task.pk: bound})
    messages.success(request, message)
    return redirect("cases:staff_case", number=task.case.number)


@login_required
@require_POST
def task_complete(request: HttpRequest, task_id: int) -> HttpResponse:
    """办理 a task: approve, reject or return, with an opinion (a stale page gets a 409 message)."""

    def run(task: Any, data: dict[str, Any]) -> str:
        services.do_complete_task(
            task,
            actor=request.user,
            outcome=data["outcome"],
            opinion=data["opinion"],
            expected_version=data.get("expected_version"),
        )
        return _("“%(name)s”已办理。") % {"name": task.name}

    return _task_action(request, task_id, "complete", run)


@login_required
@require_POST
def task_transfer(request: HttpRequest, task_id: int) -> HttpResponse:
    """转办 a task to a colleague."""

    def run(task: Any, data: dict[str, Any]) -> str:
        services.do_transfer_task(task, actor=request.user, to_user=data["to_user"], reason=data["reason"])
        return _("已转办给 %(name)s。") % {"name": data["to_user"].display_name}

    return _task_action(request, task_id, "transfer", run)


@login_required
@require_POST
def task_add_signer(request: HttpRequest, task_id: int) -> HttpResponse:
    """加签: ask another department for an opinion."""

    def run(task: Any, data: dict[str, Any]) -> str:
        services.do_add_signer(task, actor=request.user, department=data["department"], note=data["note"])
        return _("已加签：%(name)s") % {"name": data["department"].name}

    return _task_action(request, task_id, "signer", run)


def _case_action(request: HttpRequest, number: str, form_class: Any, run: Any, form_key: str) -> HttpResponse:
    """Validate one case-level staff form and run its service; refusals re-render the page with the message."""
    if not is_staff_user(request.user):
        raise Http404
    case = _case_or_404(request.user, number)
    form = form_class(request.POST)
    if not form.is_valid():
        exc = DomainError("FORM_INVALID", _("填写有误，请按提示修改。"), status=422)
        return _staff_case_page(request, case, exc=exc, extra={form_key: form})
    try:
        message = run(case, form.cleaned_data)
    except DomainError as exc:
        return _staff_case_page(request, case, exc=exc, extra={form_key: form})
    messages.success(request, message)
    return redirect("cases:staff_case", number=case.number)


@login_required
@require_POST
def special_start(request: HttpRequest, number: str) -> HttpResponse:
    """启动特别程序."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_start_special_procedure(
            case,
            actor=request.user,
            kind=data["kind"],
            reason=data["reason"],
            expected_days=data["expected_days"],
        )
        return _("特别程序已启动，期间不计入办理时限。")

    return _case_action(request, number, forms.SpecialProcedureForm, run, "special_form")


@login_required
@require_POST
def special_finish(request: HttpRequest, number: str) -> HttpResponse:
    """结束特别程序."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_finish_special_procedure(case, actor=request.user, result=data["result"])
        return _("特别程序已结束，恢复计时。")

    return _case_action(request, number, forms.FinishSpecialProcedureForm, run, "finish_form")


@login_required
@require_POST
def extension_request(request: HttpRequest, number: str) -> HttpResponse:
    """申请延期."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_request_extension(case, actor=request.user, days=data["days"], reason=data["reason"])
        return _("延期申请已提交，等待审批。")

    return _case_action(request, number, forms.ExtensionForm, run, "extension_form")


@login_required
@require_POST
def deliver(request: HttpRequest, number: str) -> HttpResponse:
    """送达 the result (窗口领取 with the pickup code, 邮寄 with a tracking number, or 电子送达)."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_deliver_case(
            case,
            actor=request.user,
            mode=data["mode"],
            tracking_number=data["tracking_number"],
            pickup_code=data["pickup_code"].strip(),
        )
        return _("已送达，办件办结。")

    return _case_action(request, number, forms.DeliverForm, run, "deliver_form")


@login_required
@require_POST
def terminate(request: HttpRequest, number: str) -> HttpResponse:
    """终止办理 (supervisor, with a reason)."""

    def run(case: Any, data: dict[str, Any]) -> str:
        services.do_terminate_case(case, actor=request.user, reason=data["reason"])
        return _("办件已终止。")

    return _case_action(request, number, forms.ReasonForm, run, "terminate_form")


# --- supervision -------------------------------------------------------------------------------------------------


@login_required
def supervision(request: HttpRequest) -> HttpResponse:
    """电子监察: every case in scope with warning-level filters, and pending extensions to approve."""
    _require_role(request.user, Role.SUPERVISOR)
    level = request.GET.get("level") or None
    state = request.GET.get("state") or None
    cases = list(queries.fetch_cases_for_staff(request.user, state=state, level=level))
    page = Paginator(cases, 30).get_page(request.GET.get("page"))
    _annotate_clock(list(page.object_list))
    extensions = _pending_extensions(request.user)
    context = {
        "page": page,
        "level": level or "",
        "state": state or "",
        "states": CaseState.choices,
        "extensions": extensions,
        "decide_form": forms.DecideExtensionForm(),
        "querystring": "&".join(f"{k}={v}" for k, v in (("level", level), ("state", state)) if v),
    }
    template = "cases/_partials/supervision_table.html" if _is_htmx(request) else "cases/supervision.html"
    return _staff_render(request, template, context)


def _pending_extensions(user: Any) -> list[Any]:
    """Pending extension requests on cases the supervisor sees."""
    visible = queries.fetch_cases_for_staff(user)
    ids = [c.pk for c in visible] if isinstance(visible, list) else visible.values_list("pk", flat=True)
    from tongban.cases.models import CaseExtension  # read-only list; no state change here

    return list(
        CaseExtension.objects.filter(case_id__in=ids, state="pending")
        .select_related("case", "requested_by")
        .order_by("requested_at")
    )


@login_required
@require_POST
def extension_decide(request: HttpRequest, extension_id: int) -> HttpResponse:
    """批准或驳回延期申请 (supervisor in scope)."""
    _require_role(request.user, Role.SUPERVISOR)
    extension = next((e for e in _pending_extensions(request.user) if e.pk == extension_id), None)
    if extension is None:
        raise Http404
    form = forms.DecideExtensionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请选择批准或驳回。"))
        return redirect("cases:supervision")
    try:
        services.do_decide_extension(
            extension,
            actor=request.user,
            approve=form.cleaned_data["approve"],
            note=form.cleaned_data["note"],
        )
    except DomainError as exc:
        messages.error(request, f"{exc.message}［{exc.code}］")
        return redirect("cases:supervision")
    messages.success(request, _("延期申请已审批。"))
    return redirect("cases:supervision")


# --- public -----------------------------------------------------------------------------------------------------


def progress(request: HttpRequest) -> HttpResponse:
    """办件查询: case number + query code → item, department, state, result and dates; no personal data."""
    form = forms.ProgressForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "result": None}
    status = 200
    if form.is_bound and form.is_valid():
        try:
            context["result"] = queries.get_public_progress(
                form.cleaned_data["number"], form.cleaned_data["code"]
            )
        except DomainError:
            context["not_found"] = True
            status = 404
    elif form.is_bound:
        status = 422
    return render(request, "cases/progress.html", context, status=status)


def disclosure(request: HttpRequest) -> HttpResponse:
    """办件公示: recent cases with masked applicants, filter by department, paginated."""
    try:
        page_number = max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        page_number = 1
    department = None
    department_id = request.GET.get("department", "")
    if department_id.isdigit():
        department = Department.objects.filter(pk=int(department_id), is_active=True).first()
    rows = queries.fetch_public_disclosure(department=department, page=page_number)
    context = {
        "rows": rows,
        "page_number": page_number,
        "has_next": len(rows) >= 20,
        "departments": Department.objects.filter(is_active=True).order_by(
            "region__level", "sort_order", "name"
        ),
        "department": department,
        "department_id": department.pk if department else "",
    }
    template = "cases/_partials/disclosure_table.html" if _is_htmx(request) else "cases/disclosure.html"
    return render(request, template, context)
