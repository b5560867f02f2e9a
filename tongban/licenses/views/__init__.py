"""Web pages of ``licenses``: the holder's 证照夹, the public verification page, the issuing department's pages.

Views are thin (STYLE §2): parse input, fetch with an access helper, call one service, render. Missing and
forbidden licences are the same 404; a refusal from a service re-renders the page with the Chinese message and
the error's HTTP status, never a 500.
"""

from tongban.licenses.views.public import verify
from tongban.licenses.views.staff import manage, manage_action, manage_detail
from tongban.licenses.views.wallet import license_detail, license_pdf, license_present, wallet

__all__ = [
    "license_detail",
    "license_pdf",
    "license_present",
    "manage",
    "manage_action",
    "manage_detail",
    "verify",
    "wallet",
]
