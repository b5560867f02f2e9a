"""Stable error codes of ``accounts`` (ARCHITECTURE §5.7)."""

from django.utils.translation import gettext_lazy as _

from tongban.core.errors import ErrorDef

INVALID_CREDENTIALS = ErrorDef("INVALID_CREDENTIALS", _("用户名或密码不正确。"), status=401)
ACCOUNT_LOCKED = ErrorDef("ACCOUNT_LOCKED", _("登录失败次数过多，账号已临时锁定，请稍后再试。"), status=423)
TOO_MANY_ATTEMPTS = ErrorDef("TOO_MANY_ATTEMPTS", _("登录尝试过于频繁，请稍后再试。"), status=429)
USERNAME_TAKEN = ErrorDef("USERNAME_TAKEN", _("该用户名已被注册。"), status=409)
USERNAME_INVALID = ErrorDef("USERNAME_INVALID", _("用户名只能包含字母、数字和 @/./+/-/_，长度 3–150 位。"))
ID_NUMBER_INVALID = ErrorDef("ID_NUMBER_INVALID", _("居民身份证号码不正确，请核对后重新输入。"))
ID_NUMBER_TAKEN = ErrorDef("ID_NUMBER_TAKEN", _("该身份证号码已注册账号，请直接登录或找回密码。"), status=409)
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
