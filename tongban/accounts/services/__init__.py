"""State-changing services of ``accounts``, one module per stage (STYLE: a module past ~500 lines is a package).

Other apps import from here: ``from tongban.accounts.services import resolve_window_person``.
"""

from tongban.accounts.services.codes import issue_code, redeem_code
from tongban.accounts.services.enterprises import (
    do_authorize_agent,
    do_revoke_agent_authorization,
    do_upsert_enterprise,
)
from tongban.accounts.services.identity import (
    check_complete_window_confirmation,
    check_start_window_confirmation,
    do_verify_real_name,
    resolve_window_person,
)
from tongban.accounts.services.login import (
    check_login,
    do_issue_api_token,
    do_revoke_api_token,
    do_touch_api_token,
)
from tongban.accounts.services.registration import (
    check_complete_registration,
    check_start_registration,
    do_register_citizen,
    do_register_enterprise_agent,
)
from tongban.accounts.services.reset import check_complete_password_reset, check_start_password_reset
from tongban.accounts.services.roles import do_create_staff, do_grant_role, do_revoke_role
from tongban.accounts.services.validation import clean_credit_code, clean_email, clean_id_number, clean_phone

__all__ = [
    "check_complete_password_reset",
    "check_complete_registration",
    "check_complete_window_confirmation",
    "check_login",
    "check_start_password_reset",
    "check_start_registration",
    "check_start_window_confirmation",
    "clean_credit_code",
    "clean_email",
    "clean_id_number",
    "clean_phone",
    "do_authorize_agent",
    "do_create_staff",
    "do_grant_role",
    "do_issue_api_token",
    "do_register_citizen",
    "do_register_enterprise_agent",
    "do_revoke_agent_authorization",
    "do_revoke_api_token",
    "do_revoke_role",
    "do_touch_api_token",
    "do_upsert_enterprise",
    "do_verify_real_name",
    "issue_code",
    "redeem_code",
    "resolve_window_person",
]
