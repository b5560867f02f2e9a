"""Stable error codes of ``accounts`` (ARCHITECTURE §5.7)."""

from django.utils.translation import gettext_lazy as _

from tongban.core.errors import ErrorDef

INVALID_CREDENTIALS = ErrorDef("INVALID_CREDENTIALS", _("用户名或密码不正确。"), status=401)
ACCOUNT_LOCKED = ErrorDef(
    "ACCOUNT_LOCKED", _("登录失败次数过多，已暂停从此处登录该账号，请稍后再试或使用“找回密码”。"), status=423
)
USERNAME_TAKEN = ErrorDef("USERNAME_TAKEN", _("该用户名已被注册。"), status=409)
USERNAME_INVALID = ErrorDef("USERNAME_INVALID", _("用户名只能包含字母、数字和 @/./+/-/_，长度 3–150 位。"))
ID_NUMBER_INVALID = ErrorDef("ID_NUMBER_INVALID", _("居民身份证号码不正确，请核对后重新输入。"))
ID_NUMBER_TAKEN = ErrorDef(
    "ID_NUMBER_TAKEN", _("该身份证号码已有账号。"), status=409
)  # staff-side only; registration answers neutrally
PHONE_INVALID = ErrorDef("PHONE_INVALID", _("请输入 11 位手机号码。"))
REAL_NAME_REQUIRED = ErrorDef("REAL_NAME_REQUIRED", _("请填写真实姓名。"))
PASSWORD_INVALID = ErrorDef("PASSWORD_INVALID", _("密码不符合要求。"))
CREDIT_CODE_INVALID = ErrorDef("CREDIT_CODE_INVALID", _("统一社会信用代码不正确，请核对后重新输入。"))
TOKEN_INVALID = ErrorDef("TOKEN_INVALID", _("接口令牌无效或已过期。"), status=401)
ROLE_SCOPE_REQUIRED = ErrorDef("ROLE_SCOPE_REQUIRED", _("授予该角色时必须指定部门或区划范围。"))
NOT_A_STAFF_MEMBER = ErrorDef("NOT_A_STAFF_MEMBER", _("只能向工作人员授予角色。"))
AUTHORIZATION_TARGET_REQUIRED = ErrorDef(
    "AUTHORIZATION_TARGET_REQUIRED", _("授权必须指定企业或被代办人（且只能指定一个）。")
)
EMAIL_INVALID = ErrorDef("EMAIL_INVALID", _("请输入有效的电子邮箱地址。"))
CODE_INVALID = ErrorDef("CODE_INVALID", _("验证码不正确或已失效，请重新获取验证码。"))
REGISTRATION_NOT_COMPLETED = ErrorDef(
    "REGISTRATION_NOT_COMPLETED",
    _(
        "该身份证号码无法在线完成注册。如果您以前注册过或在窗口办理过业务，请使用“找回密码”；"
        "如有疑问，请携带身份证到政务服务窗口办理。"
    ),
    status=409,
)
IDENTITY_NOT_MATCHED = ErrorDef(
    "IDENTITY_NOT_MATCHED", _("实名核验未通过：姓名与身份证号码不一致，或人口库中没有该号码。"), status=422
)
IDENTITY_SERVICE_UNAVAILABLE = ErrorDef(
    "IDENTITY_SERVICE_UNAVAILABLE", _("实名核验服务暂时不可用，请稍后再试。"), status=503
)
WINDOW_CONFIRMATION_IMPOSSIBLE = ErrorDef(
    "WINDOW_CONFIRMATION_IMPOSSIBLE",
    _("无法核验：没有与该身份证号码和姓名相符、并登记了手机号码的账号。"),
    status=422,
)
