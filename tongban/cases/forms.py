"""Django forms of the case pages (everything except the application form itself, see ``formschema.py``).

Forms parse and validate input only; the views hand the clean values to one ``cases.services`` call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tongban.cases.choices import DeliveryMode, SpecialProcedureKind, TaskOutcome
from tongban.cases.formschema import PHONE_RE
from tongban.core.validators import (
    normalize_credit_code,
    normalize_id_number,
    validate_credit_code,
    validate_id_number,
)

if TYPE_CHECKING:
    from tongban.accounts.models import User
    from tongban.catalog.models import Material
    from tongban.organizations.models import Department


def _text(label: Any, *, required: bool = True, max_length: int = 500, **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.TextInput(attrs={"class": "form-control", **attrs}),
    )


def _area(label: Any, *, required: bool = True, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=2000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": rows}),
    )


def clean_id_number(value: str) -> str:
    """A valid 居民身份证号码 in compact upper-case form (the platform's one validator,
    :func:`tongban.core.validators.validate_id_number`), or a Chinese validation error."""
    number = normalize_id_number(value)
    try:
        validate_id_number(number)
    except forms.ValidationError as exc:
        raise forms.ValidationError(
            _("居民身份证号码不正确，请核对后重新输入。"), code="ID_NUMBER_INVALID"
        ) from exc
    return number


def clean_phone(value: str) -> str:
    """An 11-digit mainland mobile number (blank allowed)."""
    value = value.strip().replace(" ", "").replace("-", "")
    if value and not PHONE_RE.match(value):
        raise forms.ValidationError(_("请输入11位手机号码。"), code="PHONE_INVALID")
    return value


PERSON, ENTERPRISE = "person", "enterprise"
APPLICANT_KIND_CHOICES = [
    (PERSON, _("自然人（本人申请或代办）")),
    (ENTERPRISE, _("法人或其他组织（由经办人办理）")),
]


def clean_credit_code(value: str) -> str:
    """A valid 统一社会信用代码 in upper case (the platform's one validator), or a Chinese validation error."""
    code = normalize_credit_code(value)
    try:
        validate_credit_code(code)
    except forms.ValidationError as exc:
        raise forms.ValidationError(
            _("统一社会信用代码不正确，请核对后重新输入。"), code="CREDIT_CODE_INVALID"
        ) from exc
    return code


class WindowApplicantForm(forms.Form):
    """Who applies (自然人, or a 法人 through its 经办人), who is at the window (办事人) and, for 代办, whom they
    act for (被代办人) — 窗口收件.

    ``kinds`` are the applicant kinds the item serves (its 服务对象); with one kind the choice is fixed.
    """

    applicant_kind = forms.ChoiceField(
        label=_("申请人类型"),
        choices=APPLICANT_KIND_CHOICES,
        initial=PERSON,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    credit_code = _text(_("申请单位统一社会信用代码"), required=False, max_length=18, autocomplete="off")
    enterprise_name = _text(_("申请单位名称"), required=False, max_length=200)
    agent_letter_note = _text(_("单位授权委托书说明"), required=False, max_length=200)
    id_number = _text(_("办事人居民身份证号码"), max_length=18, autocomplete="off")
    name = _text(_("办事人姓名"), max_length=100)
    phone = _text(_("联系电话"), required=False, max_length=20, inputmode="tel")
    is_proxy = forms.BooleanField(
        label=_("代办（办事人代他人申请）"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    principal_id_number = _text(
        _("被代办人居民身份证号码"), required=False, max_length=18, autocomplete="off"
    )
    principal_name = _text(_("被代办人姓名"), required=False, max_length=100)
    authorization_note = _text(_("授权委托书说明"), required=False, max_length=200)
    originals_checked = forms.BooleanField(
        label=_("已核验纸质材料原件"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def __init__(self, *args: Any, kinds: tuple[str, ...] = (PERSON, ENTERPRISE), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["applicant_kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [c for c in APPLICANT_KIND_CHOICES if c[0] in kinds]
        field.initial = kinds[0]
        self.kinds = kinds

    @property
    def fixed_kind(self) -> str:
        """The only applicant kind the item serves, or ``""`` when the clerk chooses."""
        return self.kinds[0] if len(self.kinds) == 1 else ""

    def clean_id_number(self) -> str:
        return clean_id_number(self.cleaned_data["id_number"])

    def clean_phone(self) -> str:
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["applicant_kind"] = data.get("applicant_kind") or self.kinds[0]
        if data["applicant_kind"] == ENTERPRISE:
            self._clean_enterprise(data)
        else:
            data["credit_code"] = data["enterprise_name"] = data["agent_letter_note"] = ""
        if data.get("is_proxy"):
            principal = (data.get("principal_id_number") or "").strip()
            if not principal:
                self.add_error("principal_id_number", _("代办时请填写被代办人的居民身份证号码。"))
            else:
                try:
                    data["principal_id_number"] = clean_id_number(principal)
                except forms.ValidationError as exc:
                    self.add_error("principal_id_number", exc)
            if not (data.get("principal_name") or "").strip():
                self.add_error("principal_name", _("代办时请填写被代办人姓名。"))
            if not (data.get("authorization_note") or "").strip():
                self.add_error("authorization_note", _("代办时请说明授权委托书情况。"))
        else:
            data["principal_id_number"] = data["principal_name"] = data["authorization_note"] = ""
        return data

    def _clean_enterprise(self, data: dict[str, Any]) -> None:
        code = (data.get("credit_code") or "").strip()
        if not code:
            self.add_error("credit_code", _("请填写申请单位的统一社会信用代码。"))
        else:
            try:
                data["credit_code"] = clean_credit_code(code)
            except forms.ValidationError as exc:
                self.add_error("credit_code", exc)
        if not (data.get("enterprise_name") or "").strip():
            self.add_error("enterprise_name", _("请填写申请单位名称。"))
        if not (data.get("agent_letter_note") or "").strip():
            self.add_error("agent_letter_note", _("请说明经办人的单位授权委托书情况。"))
        if data.get("is_proxy"):
            self.add_error("is_proxy", _("以单位名义申请时不能同时选择代办。"))
            data["is_proxy"] = False


class ReasonForm(forms.Form):
    """A required reason (撤回, 终止, 不予受理)."""

    reason = _area(_("理由"))


class OptionalReasonForm(forms.Form):
    """An optional note."""

    reason = _area(_("说明（可选）"), required=False, rows=2)


class CompleteTaskForm(forms.Form):
    """办理一个环节: outcome and opinion, with the task version seen when the page was rendered."""

    outcome = forms.ChoiceField(
        label=_("办理结果"),
        choices=TaskOutcome.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    opinion = _area(_("办理意见"), required=False)
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, return_allowed: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not return_allowed:
            field = self.fields["outcome"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [c for c in TaskOutcome.choices if c[0] != TaskOutcome.RETURN]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("outcome") in (TaskOutcome.REJECT, TaskOutcome.RETURN)
            and not (data.get("opinion") or "").strip()
        ):
            self.add_error("opinion", _("不同意或退回时请填写意见。"))
        return data


class _ColleagueChoiceField(forms.ModelChoiceField):
    """A choice of users, each labelled with its display name."""

    def label_from_instance(self, obj: User) -> str:
        return obj.display_name


class TransferForm(forms.Form):
    """转办 to a colleague with the same role in the same department."""

    to_user = _ColleagueChoiceField(
        label=_("转办给"),
        queryset=None,
        empty_label=_("请选择同事"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    reason = _text(_("转办说明"), required=False, max_length=300)

    def __init__(self, *args: Any, colleagues: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = colleagues


class AddSignerForm(forms.Form):
    """加签: ask another department (or a colleague) for an opinion before this step completes."""

    department: forms.ModelChoiceField[Department] = forms.ModelChoiceField(
        label=_("加签部门"),
        queryset=None,
        required=False,
        empty_label=_("请选择加签部门"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    note = _text(_("加签说明"), required=False, max_length=300)

    def __init__(self, *args: Any, departments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = departments

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("department"):
            self.add_error("department", _("请选择加签部门。"))
        return data


class SpecialProcedureForm(forms.Form):
    """启动特别程序 (现场踏勘、专家评审、听证…); its time is not counted (行政许可法第四十五条)."""

    kind = forms.ChoiceField(
        label=_("特别程序种类"),
        choices=SpecialProcedureKind.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    reason = _area(_("启动理由"), rows=2)
    expected_days = forms.IntegerField(
        label=_("预计时长（工作日）"),
        min_value=1,
        max_value=365,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )


class FinishSpecialProcedureForm(forms.Form):
    """结束特别程序 with its result."""

    result = _area(_("特别程序结果"), rows=2)


class ExtensionForm(forms.Form):
    """申请延期 (at most ten working days in total, 行政许可法第四十二条)."""

    days = forms.IntegerField(
        label=_("延长工作日"),
        min_value=1,
        max_value=10,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    reason = _area(_("延期理由"), rows=2)


class DecideExtensionForm(forms.Form):
    """批准或驳回延期申请."""

    approve = forms.TypedChoiceField(
        label=_("审批结果"),
        choices=[("1", _("批准")), ("0", _("驳回"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    note = _text(_("审批意见"), required=False, max_length=300)


class DeliverForm(forms.Form):
    """送达: how the result reaches the applicant."""

    mode = forms.ChoiceField(
        label=_("送达方式"), choices=DeliveryMode.choices, widget=forms.Select(attrs={"class": "form-select"})
    )
    tracking_number = _text(_("快递单号"), required=False, max_length=50)
    pickup_code = _text(_("取件码"), required=False, max_length=8, autocomplete="off")
    reason = _text(_("改用其他送达方式的理由（申请人未选择领取方式时）"), required=False, max_length=300)


class DeliveryChoiceForm(forms.Form):
    """领取方式: the applicant picks one of the modes the item offers; post needs a postal address.

    ``required=False`` (the application page) lets the applicant decide later.
    """

    mode = forms.ChoiceField(
        label=_("领取方式"),
        choices=DeliveryMode.choices,
        widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
    )
    address = forms.CharField(
        label=_("邮寄地址（选择邮寄送达时填写）"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2, "autocomplete": "street-address"}),
    )

    def __init__(self, *args: Any, modes: list[str], required: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["mode"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(m, DeliveryMode(m).label) for m in modes]
        field.required = required

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mode") == DeliveryMode.POST and not (data.get("address") or "").strip():
            self.add_error(
                "address",
                forms.ValidationError(_("邮寄送达须填写邮寄地址。"), code="DELIVERY_ADDRESS_REQUIRED"),
            )
        return data


class PickupForm(forms.Form):
    """统一窗口出件: the case number and the pickup code the applicant shows (or, to send the code, the number only)."""

    number = _text(_("办件编号"), max_length=20, autocomplete="off", inputmode="numeric")
    pickup_code = _text(_("取件码"), required=False, max_length=8, autocomplete="off")
    action = forms.ChoiceField(
        choices=[("deliver", "deliver"), ("send_code", "send_code")], required=False, widget=forms.HiddenInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") != "send_code" and not (data.get("pickup_code") or "").strip():
            self.add_error("pickup_code", _("请输入申请人出示的取件码。"))
        return data


class OnTheSpotForm(forms.Form):
    """即办件 已受理: the window decides 准予 at once."""

    opinion = _text(_("当场决定意见（可选）"), required=False, max_length=500)


class ProgressForm(forms.Form):
    """Public progress lookup: case number and query code (no sign-in)."""

    number = _text(_("办件编号"), max_length=20, autocomplete="off", inputmode="numeric")
    code = _text(_("查询码"), max_length=6, autocomplete="off")

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip().upper()


class AcceptForm(forms.Form):
    """受理, optionally 容缺受理 with tolerated materials and a supplement deadline."""

    note = _text(_("受理意见"), required=False, max_length=300)
    tolerated: forms.ModelMultipleChoiceField[Material] = forms.ModelMultipleChoiceField(
        label=_("容缺材料"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    supplement_deadline_days = forms.IntegerField(
        label=_("容缺补交期限（工作日）"),
        min_value=1,
        max_value=60,
        required=False,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    decide_on_the_spot = forms.BooleanField(
        label=_("即办件：受理后当场作出准予决定（当场办结）"),
        required=False,
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )
    opinion = _text(_("当场决定意见（可选）"), required=False, max_length=500)

    def __init__(self, *args: Any, tolerable: Any, immediate: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tolerated"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = tolerable
        if not immediate:
            # Only a 即办件 (承诺时限 0) may be decided at acceptance.
            del self.fields["decide_on_the_spot"]
            del self.fields["opinion"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("tolerated") and not data.get("supplement_deadline_days"):
            self.add_error("supplement_deadline_days", _("容缺受理请填写补交期限。"))
        return data
