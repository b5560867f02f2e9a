"""State-changing services of the case engine, one module per stage (ADR 0007, docs/architecture.md §8).

Every ``do_*`` function is one transition in one transaction (see :mod:`tongban.cases.services._kernel`). Import
them from here: ``from tongban.cases import services; services.do_accept_case(...)``.
"""

from tongban.cases.services._kernel import MAX_ADDRESS_LENGTH, REMEDIES
from tongban.cases.services.application_page import ApplicationSave, check_save_application
from tongban.cases.services.applying import (
    do_add_material,
    do_create_case,
    do_delete_draft,
    do_remove_material,
    do_sign_commitment,
    do_submit_case,
    do_update_draft,
)
from tongban.cases.services.closing import (
    PICKUP_FREE_ATTEMPTS,
    do_choose_delivery,
    do_close_case,
    do_decide_on_the_spot,
    do_deliver_case,
    do_send_pickup_code,
    do_terminate_case,
    do_withdraw_case,
)
from tongban.cases.services.deadlines import (
    do_recompute_deadlines_for_year,
    do_refresh_deadline,
)
from tongban.cases.services.intake import (
    DEFAULT_SUPPLEMENT_DAYS,
    check_accept_after_prereview,
    do_accept_case,
    do_prereview_material,
    do_refuse_acceptance,
    do_request_correction,
    do_resubmit_correction,
    do_supplement_material,
)
from tongban.cases.services.license_use import do_use_license
from tongban.cases.services.review import (
    do_add_signer,
    do_claim_task,
    do_complete_task,
    do_decide_case,
    do_release_task,
    do_transfer_task,
)
from tongban.cases.services.stops import (
    MAX_EXTENSION_DAYS,
    do_decide_extension,
    do_finish_special_procedure,
    do_request_extension,
    do_start_special_procedure,
)
from tongban.cases.services.window import (
    do_window_intake,
)

__all__ = [
    "DEFAULT_SUPPLEMENT_DAYS",
    "MAX_ADDRESS_LENGTH",
    "MAX_EXTENSION_DAYS",
    "PICKUP_FREE_ATTEMPTS",
    "REMEDIES",
    "ApplicationSave",
    "check_accept_after_prereview",
    "check_save_application",
    "do_accept_case",
    "do_add_material",
    "do_add_signer",
    "do_choose_delivery",
    "do_claim_task",
    "do_close_case",
    "do_complete_task",
    "do_create_case",
    "do_decide_case",
    "do_decide_extension",
    "do_decide_on_the_spot",
    "do_delete_draft",
    "do_deliver_case",
    "do_finish_special_procedure",
    "do_prereview_material",
    "do_recompute_deadlines_for_year",
    "do_refresh_deadline",
    "do_refuse_acceptance",
    "do_release_task",
    "do_remove_material",
    "do_request_correction",
    "do_request_extension",
    "do_resubmit_correction",
    "do_send_pickup_code",
    "do_sign_commitment",
    "do_start_special_procedure",
    "do_submit_case",
    "do_supplement_material",
    "do_terminate_case",
    "do_transfer_task",
    "do_update_draft",
    "do_use_license",
    "do_window_intake",
    "do_withdraw_case",
]
