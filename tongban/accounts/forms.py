"""Forms of ``accounts``: they only parse input; the services validate identities and passwords."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class LoginForm(forms.Form):
    """One login form for citizens, enterprise agents and staff."""

    username = forms.CharField(
        label=_("用户名"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)


class CitizenRegistrationForm(forms.Form):
    """Citizen registration: real name, 居民身份证号码, mobile number and password twice."""

    username = forms.CharField(
        label=_("用户名"),
        max_length=150,
        help_text=_("3–150 位字母、数字或 @/./+/-/_。"),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    real_name = forms.CharField(
        label=_("真实姓名"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    id_number = forms.CharField(
        label=_("居民身份证号码"),
        max_length=18,
        min_length=18,
        help_text=_("18 位，末位可能是 X。"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
    )
    phone = forms.CharField(
        label=_("手机号码"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    password1 = forms.CharField(
        label=_("密码"),
        strip=False,
        help_text=_("至少 8 位，不能全是数字，不能包含平台名称、城市名称或用户名。"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("确认密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):  # type: ignore[no-untyped-def]
        cleaned = super().clean() or {}
        if (
            cleaned.get("password1")
            and cleaned.get("password2")
            and cleaned["password1"] != cleaned["password2"]
        ):
            self.add_error("password2", _("两次输入的密码不一致。"))
        return cleaned


class CodeForm(forms.Form):
    """The six-digit one-time code someone received by SMS or e-mail."""

    code = forms.CharField(
        label=_("验证码"),
        max_length=6,
        min_length=6,
        help_text=_("6 位数字。"),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class PasswordResetStartForm(forms.Form):
    """找回密码, step 1: which account, and where to send the code."""

    identifier = forms.CharField(
        label=_("用户名或居民身份证号码"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    channel = forms.ChoiceField(
        label=_("验证码发送到"),
        choices=[("sms", _("账号登记的手机")), ("email", _("账号登记的电子邮箱"))],
        initial="sms",
        widget=forms.RadioSelect,
    )


class PasswordResetCompleteForm(CodeForm):
    """找回密码, step 2: the code and the new password twice."""

    new_password = forms.CharField(
        label=_("新密码"),
        strip=False,
        help_text=_("至少 8 位，不能全是数字，不能包含平台名称、城市名称或用户名。"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("确认新密码"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):  # type: ignore[no-untyped-def]
        cleaned = super().clean() or {}
        if cleaned.get("new_password") and cleaned.get("new_password") != cleaned.get("new_password2"):
            self.add_error("new_password2", _("两次输入的密码不一致。"))
        return cleaned


class WindowConfirmationForm(forms.Form):
    """窗口核验 (clerk): the ID number and name of the person present, as on the ID card the clerk has seen."""

    id_number = forms.CharField(
        label=_("居民身份证号码"), max_length=18, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    real_name = forms.CharField(
        label=_("姓名"), max_length=100, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
