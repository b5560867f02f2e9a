"""The window clerk's pages (综合窗口): intake for the person present, pre-review and acceptance, result hand-out."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tongban.accounts.access import user_has_role
from tongban.accounts.choices import Role
from tongban.cases import access, errors, forms, services
from tongban.cases.access import serves_natural_persons, serves_organisations
from tongban.cases.choices import DeliveryMode
from tongban.cases.documents.uploads import ACCEPT_ATTRIBUTE, check_upload, max_upload_mb
from tongban.cases.engine.clock import is_immediate
from tongban.cases.formschema import SchemaForm, display_rows
from tongban.cases.views._common import (
    FORM_PREFIX,
    case_or_404,
    error_context,
    require_role,
    staff_render,
)
from tongban.cases.views.applicant import _material_rows
from tongban.catalog.choices import MaterialNecessity
from tongban.catalog.queries import fetch_published, get_published_implementation
from tongban.core.errors import DomainError


def _window_items(user: Any) -> list[Any]:
    """Published implementations the clerk may take in: those whose department and region their grant covers."""
    return [
        implementation
        for implementation in fetch_published()
        if user_has_role(user, Role.CLERK, department=implementation.department, region=implementation.region)
    ]


def _applicant_kinds(version: Any) -> tuple[str, ...]:
    """The applicant kinds the item's 服务对象 allow at the window: natural persons, organisations or both."""
    kinds = []
    if serves_natural_persons(version):
        kinds.append(forms.PERSON)
    if serves_organisations(version):
        kinds.append(forms.ENTERPRISE)
    return tuple(kinds) or (forms.PERSON,)


def _clerk_window(user: Any) -> Any:
    position = user.positions.filter(is_active=True, window__isnull=False).select_related("window").first()
    return position.window if position else None


@login_required
@require_http_methods(["GET", "POST"])
def window_intake(request: HttpRequest) -> HttpResponse:
    """窗口收件: identify the applicant present, fill the form, attach scans, tick originals, optional 代办."""
    require_role(request.user, Role.CLERK)
    items = _window_items(request.user)
    code = request.POST.get("code") or request.GET.get("code") or ""
    implementation = next((i for i in items if i.code == code), None)
    query = (request.GET.get("q") or "").strip()[:50]
    shown = [i for i in items if query in i.item.name or query in i.department.name] if query else items
    context: dict[str, Any] = {"items": shown, "implementation": implementation, "code": code, "q": query}
    if implementation is None:
        return staff_render(request, "cases/window_intake.html", context)
    version = get_published_implementation(code).current_version
    assert version is not None  # a published implementation always has its current version
    status = 200
    kinds = _applicant_kinds(version)
    if request.method == "POST":
        applicant_form = forms.WindowApplicantForm(request.POST, kinds=kinds)
        schema_form = SchemaForm(version.form_schema or {}, data=request.POST, prefix=FORM_PREFIX)
        upload_errors: dict[int, str] = {}
        files = []
        for material in version.materials.all():
            uploaded = request.FILES.get(f"material-{material.pk}")
            if uploaded is None:
                continue
            try:
                check_upload(uploaded)
                files.append((material, uploaded))
            except DomainError as exc:
                upload_errors[material.pk] = str(exc.message)
        # 免证可办 at the window: the identifier of the applicant's licence, read from their wallet or QR.
        licenses = [
            (material, request.POST[f"license-{material.pk}"].strip())
            for material in version.materials.all()
            if material.license_type_code
            and request.POST.get(f"license-{material.pk}", "").strip()
            and f"material-{material.pk}" not in request.FILES
        ]
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
                    licenses=licenses,
                    originals_checked=data["originals_checked"],
                    window=_clerk_window(request.user),
                    principal_id_number=data["principal_id_number"],
                    principal_name=data["principal_name"],
                    authorization_note=data["agent_letter_note"] or data["authorization_note"],
                    enterprise_credit_code=data["credit_code"],
                    enterprise_name=data["enterprise_name"],
                    idempotency_key=request.POST.get("idempotency_key", ""),
                )
            except DomainError as exc:
                context.update(error_context(exc))
                status = exc.status
            else:
                messages.success(
                    request,
                    _("收件成功，办件编号 %(number)s，查询码 %(code)s。")
                    % {"number": case.number, "code": case.query_code},
                )
                if case.applicant_user_id is None and case.enterprise_id is None:
                    messages.info(
                        request,
                        _(
                            "该申请人没有可关联的已核验网上账号，本办件不在任何网上账号中显示。"
                            "请告知申请人凭办件编号和查询码查询进度，办理通知将以短信发送到所留手机号码。"
                        ),
                    )
                return redirect("cases:staff_case", number=case.number)
        else:
            status = 422
            context.update(
                error_context(
                    errors.FORM_INVALID.error(_("填写有误，请按提示修改；已选择的文件需要重新选择。"))
                )
            )
    else:
        applicant_form = forms.WindowApplicantForm(kinds=kinds)
        schema_form = SchemaForm(version.form_schema or {}, prefix=FORM_PREFIX)
        upload_errors = {}
    context.update(
        {
            "version": version,
            "applicant_form": applicant_form,
            "form": schema_form,
            "material_rows": _material_rows(version, None, upload_errors),
            "license_input": True,
            "accept": ACCEPT_ATTRIBUTE,
            "max_mb": max_upload_mb(),
            "idempotency_key": request.POST.get("idempotency_key") or uuid.uuid4().hex,
        }
    )
    return staff_render(request, "cases/window_intake.html", context, status=status)


def _tolerable(version: Any) -> Any:
    return (
        version.materials.filter(necessity=MaterialNecessity.TOLERABLE)
        if version.tolerance
        else version.materials.none()
    )


def _prereview_context(case: Any, *, accept_form: Any = None, refuse_form: Any = None) -> dict[str, Any]:
    version = case.version
    uploaded = list(case.materials.filter(is_current=True).select_related("material").order_by("id"))
    have = {m.material_id for m in uploaded}
    missing = [m for m in version.materials.all() if m.pk not in have]
    tolerable = _tolerable(version)
    return {
        "case": case,
        "uploaded": uploaded,
        "missing": missing,
        "form_rows": display_rows(version.form_schema or {}, case.form_data or {}, mask=True),
        "accept_form": accept_form or forms.AcceptForm(tolerable=tolerable, immediate=is_immediate(version)),
        "immediate": is_immediate(version),
        "refuse_form": refuse_form or forms.ReasonForm(),
        "tolerable": tolerable,
    }


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
            raise errors.REASON_REQUIRED.error(_("请为每一项有问题的材料填写原因。"))
    return problems


def _passed_from_post(request: HttpRequest, case: Any) -> list[Any]:
    return [
        cm for cm in case.materials.filter(is_current=True) if request.POST.get(f"mark-{cm.pk}") == "pass"
    ]


@login_required
@require_http_methods(["GET", "POST"])
def pre_review(request: HttpRequest, number: str) -> HttpResponse:
    """预审: mark each material pass/problem, then one-time correction, accept (容缺 optional) or refuse."""
    case = case_or_404(request.user, number)
    if not access.is_case_clerk(request.user, case):
        raise Http404
    if request.method == "GET":
        return staff_render(request, "cases/pre_review.html", _prereview_context(case))
    action = request.POST.get("action", "")
    context_forms: dict[str, Any] = {}
    try:
        if action == "correction":
            services.do_request_correction(
                case,
                actor=request.user,
                problems=_problems_from_post(request, case),
                note=request.POST.get("note", "")[:500],
            )
            message = _("已出具一次性告知书，申请人将收到补正通知。")
        elif action == "accept":
            accept_form = forms.AcceptForm(
                request.POST, tolerable=_tolerable(case.version), immediate=is_immediate(case.version)
            )
            if not accept_form.is_valid():
                context_forms["accept_form"] = accept_form
                raise errors.FORM_INVALID.error(_("受理信息填写有误，请按提示修改。"))
            services.check_accept_after_prereview(
                case,
                actor=request.user,
                passed=_passed_from_post(request, case),
                note=accept_form.cleaned_data["note"],
                tolerated_materials=list(accept_form.cleaned_data["tolerated"]),
                supplement_deadline_days=accept_form.cleaned_data["supplement_deadline_days"],
                decide_on_the_spot=bool(accept_form.cleaned_data.get("decide_on_the_spot")),
                opinion=accept_form.cleaned_data.get("opinion", ""),
            )
            message = (
                _("已受理并当场作出准予决定，请按申请人选择的方式送达。")
                if accept_form.cleaned_data.get("decide_on_the_spot")
                else _("已受理，受理通知书已出具。")
            )
        elif action == "refuse":
            refuse_form = forms.ReasonForm(request.POST)
            if not refuse_form.is_valid():
                context_forms["refuse_form"] = refuse_form
                raise errors.REASON_REQUIRED.error(_("请填写不予受理的理由。"))
            services.do_refuse_acceptance(
                case, actor=request.user, reasons=refuse_form.cleaned_data["reason"]
            )
            message = _("已作出不予受理决定。")
        else:
            raise errors.VALIDATION_ERROR.error(_("请选择要执行的操作。"))
    except DomainError as exc:
        case.refresh_from_db()
        context = {**_prereview_context(case, **context_forms), **error_context(exc), "posted": request.POST}
        return staff_render(request, "cases/pre_review.html", context, status=exc.status)
    messages.success(request, message)
    return redirect("cases:staff_case", number=case.number)


@login_required
@require_http_methods(["GET", "POST"])
def pickup(request: HttpRequest) -> HttpResponse:
    """统一窗口出件: hand the result out against the case number and the applicant's pickup code."""
    require_role(request.user, Role.CLERK)
    form = forms.PickupForm(request.POST or None)
    context: dict[str, Any] = {"form": form}
    status = 200
    if request.method == "POST" and form.is_valid():
        sending = form.cleaned_data.get("action") == "send_code"
        try:
            case = access.access_case_by_number(request.user, form.cleaned_data["number"])
            if sending:
                services.do_send_pickup_code(case, actor=request.user)
            else:
                services.do_deliver_case(
                    case,
                    actor=request.user,
                    mode=DeliveryMode.WINDOW,
                    pickup_code=form.cleaned_data["pickup_code"].strip(),
                )
        except DomainError as exc:
            context.update(error_context(exc))
            status = exc.status
            # The code typed is not echoed back: a wrong code leaves nothing on the page to learn from.
            context["form"] = forms.PickupForm(initial={"number": form.cleaned_data["number"]})
        else:
            if sending:
                messages.success(
                    request,
                    _("取件码已发送给办件 %(number)s 的申请人，请申请人出示后出件。")
                    % {"number": case.number},
                )
            else:
                messages.success(request, _("办件 %(number)s 已出件，办理完毕。") % {"number": case.number})
            return redirect("cases:pickup")
    elif request.method == "POST":
        status = 422
    return staff_render(request, "cases/pickup.html", context, status=status)
