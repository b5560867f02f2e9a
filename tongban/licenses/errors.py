"""Stable error codes of ``licenses`` (raise ``SOME_ERROR.error()``; the API maps them to ``{code, message, fields}``)."""

from django.utils.translation import gettext_lazy as _

from tongban.core.errors import NOT_FOUND, PERMISSION_DENIED, VALIDATION_ERROR, ErrorDef

__all__ = ["NOT_FOUND", "PERMISSION_DENIED", "VALIDATION_ERROR"]

LICENSE_NOT_FOUND = ErrorDef("LICENSE_NOT_FOUND", _("找不到该电子证照，或您无权访问。"), status=404)
LICENSE_TYPE_NOT_FOUND = ErrorDef("LICENSE_TYPE_NOT_FOUND", _("找不到该证照类型。"), status=404)
LICENSE_TRANSITION_NOT_ALLOWED = ErrorDef(
    "LICENSE_TRANSITION_NOT_ALLOWED", _("电子证照当前状态下不能执行此操作。"), status=409
)
LICENSE_NOT_USABLE = ErrorDef(
    "LICENSE_NOT_USABLE", _("该电子证照当前不是有效状态（已暂停、撤销、更正或过期），不能使用。"), status=409
)
LICENSE_FACE_INVALID = ErrorDef(
    "LICENSE_FACE_INVALID", _("照面信息不完整或不符合该证照类型的要求，无法颁发电子证照。"), status=400
)
LICENSE_TYPE_CODE_INVALID = ErrorDef(
    "LICENSE_TYPE_CODE_INVALID",
    _("证照类型代码应为证照定义机构的18位统一社会信用代码加3位数字序号。"),
    status=400,
)
LICENSE_TYPE_INVALID = ErrorDef("LICENSE_TYPE_INVALID", _("证照类型信息有误，请检查后重试。"), status=400)
LICENSE_REASON_REQUIRED = ErrorDef("LICENSE_REASON_REQUIRED", _("请填写事由。"), status=422)
LICENSE_LEGAL_BASIS_REQUIRED = ErrorDef(
    "LICENSE_LEGAL_BASIS_REQUIRED", _("请填写撤销的法律依据。"), status=422
)
LICENSE_MATERIAL_REQUIRED = ErrorDef(
    "LICENSE_MATERIAL_REQUIRED", _("请说明用该证照替代哪项材料。"), status=422
)
LICENSE_ISSUER_MISSING = ErrorDef(
    "LICENSE_ISSUER_MISSING", _("办件的实施主体缺少统一社会信用代码，无法颁发电子证照。"), status=400
)
LICENSE_HOLDER_MISSING = ErrorDef(
    "LICENSE_HOLDER_MISSING", _("办件缺少持证主体的名称或证件号码，无法颁发电子证照。"), status=400
)
PAYLOAD_INVALID = ErrorDef("PAYLOAD_INVALID", _("请提供待核验的证照签名数据（不超过规定长度）。"), status=400)
