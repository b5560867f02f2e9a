"""Stable error codes of ``signing`` (raise ``SOME_ERROR.error()``; the API maps them to ``{code, message, fields}``).

The ``JWS_*`` codes are also the ``error`` of a failed :class:`~tongban.signing.queries.JwsCheck`.
"""

from django.utils.translation import gettext_lazy as _

from tongban.core.errors import NOT_FOUND, PERMISSION_DENIED, ErrorDef

__all__ = ["NOT_FOUND", "PERMISSION_DENIED"]

UNKNOWN_ALGORITHM = ErrorDef("SIGNING_UNKNOWN_ALGORITHM", _("不支持该签名算法。"), status=422)
KEY_ALREADY_CURRENT = ErrorDef(
    "SIGNING_KEY_ALREADY_CURRENT", _("该算法已有在用的签名密钥，请改用密钥轮换。"), status=409
)
SEAL_KEY_NOT_P256 = ErrorDef("SIGNING_SEAL_KEY_NOT_P256", _("电子印章的密钥必须是 P-256 密钥。"), status=409)
PDF_UNREADABLE = ErrorDef("SIGNING_PDF_UNREADABLE", _("文件不是可读的 PDF，无法签章。"), status=422)

# Why a JWS did not verify (``JwsCheck.error``).
JWS_MALFORMED = ErrorDef("JWS_MALFORMED", _("签名数据格式不正确。"), status=422)
JWS_UNKNOWN_KEY = ErrorDef("JWS_UNKNOWN_KEY", _("签名所用的密钥不是本平台的密钥。"), status=422)
JWS_ALG_MISMATCH = ErrorDef("JWS_ALG_MISMATCH", _("签名算法与密钥不符。"), status=422)
JWS_BAD_SIGNATURE = ErrorDef("JWS_BAD_SIGNATURE", _("签名无效：数据已被篡改或不是本平台签发。"), status=422)
