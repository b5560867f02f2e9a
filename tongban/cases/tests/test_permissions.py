"""Authorisation matrix of every case page: owner, same department, other department, township clerk outside scope,
another applicant and anonymous visitors. Refused state changes leave the case as it was.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tongban.cases import services
from tongban.cases.choices import CaseState, TaskState
from tongban.cases.tests.factories import (
    in_review_case,
    make_item,
    make_world,
    open_task,
    pdf,
    submitted_case,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def case(world):
    return submitted_case(world, make_item(world.scjg))


def _login(client, user):
    if user is not None:
        client.force_login(user)


def _persona(world, name):
    return None if name == "anonymous" else getattr(world, name)


def _assert_refused(response, persona):
    if persona == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == 404


# --- applicant pages ----------------------------------------------------------------------------------------------

APPLICANT_VIEWS = [
    ("cases:case_detail", lambda c: [c.ref]),
    ("cases:submitted", lambda c: [c.number]),
    ("cases:material_download", lambda c: [c.ref, c.materials.get().pk]),
    ("cases:notice_download", lambda c: [c.ref, c.notices.get(kind="receipt").pk]),
]


@pytest.mark.parametrize(("name", "args"), APPLICANT_VIEWS)
def test_the_owner_can_open_their_case_pages(client, world, case, name, args):
    client.force_login(world.citizen)
    assert client.get(reverse(name, args=args(case))).status_code == 200


@pytest.mark.parametrize(("name", "args"), APPLICANT_VIEWS)
@pytest.mark.parametrize("persona", ["anonymous", "citizen2", "reviewer_ga", "clerk_township", "reviewer_xf"])
def test_outsiders_cannot_open_case_pages(client, world, case, name, args, persona):
    _login(client, _persona(world, persona))
    _assert_refused(client.get(reverse(name, args=args(case))), persona)


@pytest.mark.parametrize("name", ["cases:material_download", "cases:notice_download"])
def test_same_department_staff_can_download_files(client, world, name):
    case = in_review_case(world, make_item(world.scjg))
    args = [
        case.ref,
        case.materials.get().pk if name == "cases:material_download" else case.notices.first().pk,
    ]
    client.force_login(world.reviewer)
    assert client.get(reverse(name, args=args)).status_code == 200


def test_staff_opening_the_applicant_page_are_sent_to_the_staff_page(client, world, case):
    client.force_login(world.clerk)
    response = client.get(reverse("cases:case_detail", args=[case.ref]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:staff_case", args=[case.number]
    )


def test_a_draft_is_only_editable_by_its_owner(client, world):
    version = make_item(world.scjg)
    draft = services.do_create_case(actor=world.citizen, version=version, form_data={})
    client.force_login(world.citizen2)
    assert client.get(reverse("cases:draft_edit", args=[draft.ref])).status_code == 404
    response = client.post(reverse("cases:draft_edit", args=[draft.ref]), {"action": "submit"})
    draft.refresh_from_db()
    assert response.status_code == 404 and draft.state == CaseState.DRAFT


@pytest.mark.parametrize("persona", ["anonymous", "citizen2", "reviewer_ga"])
def test_others_cannot_withdraw_resubmit_or_upload_corrections(client, world, case, persona):
    services.do_request_correction(case, actor=world.clerk, problems=[(case.materials.get(), "不清晰")])
    _login(client, _persona(world, persona))
    before = case.materials.count()
    for url, data in [
        (reverse("cases:withdraw", args=[case.ref]), {}),
        (reverse("cases:resubmit", args=[case.ref]), {}),
        (reverse("cases:correction_upload", args=[case.ref, 0]), {"file": pdf()}),
        (
            reverse("cases:supplement_upload", args=[case.ref, case.materials.get().material_id]),
            {"file": pdf()},
        ),
    ]:
        _assert_refused(client.post(url, data), persona)
    case.refresh_from_db()
    assert case.state == CaseState.CORRECTION_REQUESTED and case.materials.count() == before


def test_my_cases_shows_only_the_users_own_cases(client, world, case):
    client.force_login(world.citizen2)
    assert case.number not in client.get(reverse("cases:my_cases")).content.decode()
    client.force_login(world.citizen)
    assert case.number in client.get(reverse("cases:my_cases")).content.decode()


@pytest.mark.parametrize(
    "name", ["cases:my_cases", "cases:inbox", "cases:window_intake", "cases:supervision", "cases:pickup"]
)
def test_signed_in_pages_send_anonymous_visitors_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_apply_needs_sign_in(client, world):
    version = make_item(world.scjg)
    response = client.get(reverse("cases:apply", args=[version.implementation.code]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- staff pages ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("reviewer", 200),
        ("approver", 200),
        ("clerk", 200),
        ("supervisor", 200),
        ("reviewer_ga", 404),
        ("clerk_township", 404),
        ("supervisor_xiangfu", 404),
        ("citizen", 404),
        ("citizen2", 404),
    ],
)
def test_the_staff_case_page_matrix(client, world, persona, status):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(getattr(world, persona))
    assert client.get(reverse("cases:staff_case", args=[case.number])).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"), [("clerk", 200), ("reviewer", 404), ("clerk_township", 404), ("citizen", 404)]
)
def test_the_pre_review_page_matrix(client, world, case, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("cases:pre_review", args=[case.number])).status_code == status


def test_a_township_clerk_outside_scope_cannot_accept(client, world, case):
    client.force_login(world.clerk_township)
    response = client.post(reverse("cases:pre_review", args=[case.number]), {"action": "accept"})
    case.refresh_from_db()
    assert response.status_code == 404 and case.state == CaseState.SUBMITTED


@pytest.mark.parametrize(
    ("persona", "status"), [("clerk", 200), ("clerk_township", 200), ("reviewer", 404), ("citizen", 404)]
)
def test_window_pages_are_for_clerks(client, world, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("cases:window_intake")).status_code == status
    assert client.get(reverse("cases:pickup")).status_code == status


@pytest.mark.parametrize(("persona", "status"), [("reviewer", 200), ("clerk", 200), ("citizen", 404)])
def test_the_inbox_is_for_staff(client, world, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("cases:inbox")).status_code == status


def test_other_departments_do_not_see_the_task_in_their_inbox(client, world):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(world.reviewer_ga)
    assert case.number not in client.get(reverse("cases:inbox")).content.decode()


@pytest.mark.parametrize("persona", ["reviewer_ga", "citizen", "clerk_township"])
def test_outsiders_cannot_claim_or_complete_a_task(client, world, persona):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    client.force_login(getattr(world, persona))
    assert client.post(reverse("cases:task_claim", args=[task.pk])).status_code == 404
    response = client.post(reverse("cases:task_complete", args=[task.pk]), {"outcome": "approve"})
    assert response.status_code == 404
    task.refresh_from_db()
    assert task.state == TaskState.OPEN and task.assignee is None


def test_a_colleague_cannot_complete_a_task_claimed_by_someone_else(client, world):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    services.do_claim_task(task, actor=world.reviewer)
    client.force_login(world.reviewer2)
    response = client.post(
        reverse("cases:task_complete", args=[task.pk]), {"outcome": "approve", "opinion": "x"}
    )
    task.refresh_from_db()
    assert response.status_code in (404, 409) and task.state == TaskState.CLAIMED


@pytest.mark.parametrize("persona", ["reviewer_ga", "citizen"])
def test_outsiders_cannot_start_special_procedures_extend_or_terminate(client, world, persona):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(getattr(world, persona))
    client.post(
        reverse("cases:special_start", args=[case.number]),
        {"kind": "site_inspection", "reason": "x", "expected_days": 2},
    )
    client.post(reverse("cases:extension_request", args=[case.number]), {"days": 2, "reason": "x"})
    client.post(reverse("cases:terminate", args=[case.number]), {"reason": "x"})
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW and not case.extensions.exists()


def test_a_reviewer_cannot_terminate(client, world):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(world.reviewer)
    response = client.post(reverse("cases:terminate", args=[case.number]), {"reason": "x"})
    case.refresh_from_db()
    assert response.status_code in (404, 403) and case.state == CaseState.IN_REVIEW


@pytest.mark.parametrize(("persona", "status"), [("supervisor", 200), ("reviewer", 404), ("citizen", 404)])
def test_supervision_is_for_supervisors(client, world, persona, status):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("cases:supervision")).status_code == status


def test_a_supervisor_outside_scope_cannot_decide_an_extension(client, world):
    case = in_review_case(world, make_item(world.scjg))
    extension = services.do_request_extension(case, actor=world.approver, days=3, reason="复杂")
    client.force_login(world.supervisor_xiangfu)
    response = client.post(reverse("cases:extension_decide", args=[extension.pk]), {"approve": "1"})
    extension.refresh_from_db()
    assert response.status_code == 404 and extension.state == "pending"


@pytest.mark.parametrize("name", ["cases:progress", "cases:disclosure"])
def test_public_pages_are_open_to_everyone(client, name):
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("persona", ["anonymous", "citizen2", "clerk", "reviewer", "supervisor"])
def test_only_the_applicant_side_chooses_the_delivery_mode(client, world, case, persona):
    _login(client, _persona(world, persona))
    response = client.post(reverse("cases:case_choose_delivery", args=[case.ref]), {"mode": "window"})
    _assert_refused(response, persona)
    case.refresh_from_db()
    assert case.requested_delivery_mode == ""


def test_the_applicant_chooses_the_delivery_mode_on_the_case_page(client, world, case):
    client.force_login(world.citizen)
    response = client.post(reverse("cases:case_choose_delivery", args=[case.ref]), {"mode": "window"})
    case.refresh_from_db()
    assert response.status_code == 302 and case.requested_delivery_mode == "window"


# --- drafts, 即办件, pickup codes (issue 7) ---------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["anonymous", "citizen2", "clerk", "reviewer"])
def test_only_the_applicant_deletes_their_draft(client, world, persona):
    draft = services.do_create_case(actor=world.citizen, version=make_item(world.scjg), form_data={})
    _login(client, _persona(world, persona))
    _assert_refused(client.post(reverse("cases:draft_delete", args=[draft.ref])), persona)
    assert type(draft).objects.filter(pk=draft.pk).exists()


def test_the_applicant_deletes_a_draft_from_the_page(client, world):
    draft = services.do_create_case(actor=world.citizen, version=make_item(world.scjg), form_data={})
    client.force_login(world.citizen)
    assert client.get(reverse("cases:draft_delete", args=[draft.ref])).status_code == 405
    response = client.post(reverse("cases:draft_delete", args=[draft.ref]))
    assert response.status_code == 302 and response["Location"] == reverse("cases:my_cases")
    assert not type(draft).objects.filter(pk=draft.pk).exists()


def test_a_submitted_case_cannot_be_deleted_as_a_draft(client, world, case):
    client.force_login(world.citizen)
    response = client.post(reverse("cases:draft_delete", args=[case.ref]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:case_detail", args=[case.ref]
    )
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED


@pytest.mark.parametrize(
    ("persona", "status"), [("reviewer", 404), ("clerk_township", 404), ("citizen", 404)]
)
def test_only_a_clerk_in_scope_decides_on_the_spot(client, world, persona, status):
    case = in_review_case(world, make_item(world.scjg, promised_days=0))
    client.force_login(getattr(world, persona))
    response = client.post(reverse("cases:decide_on_the_spot", args=[case.number]), {"opinion": "x"})
    case.refresh_from_db()
    assert response.status_code == status and case.state == CaseState.IN_REVIEW
    client.force_login(world.clerk)
    response = client.post(reverse("cases:decide_on_the_spot", args=[case.number]), {"opinion": ""})
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.DECIDED


@pytest.mark.parametrize("persona", ["reviewer", "clerk_township", "citizen", "anonymous"])
def test_only_a_clerk_in_scope_sends_the_pickup_code(client, world, persona):
    from tongban.cases.tests.factories import decided_case

    case = decided_case(world, make_item(world.scjg))
    _login(client, _persona(world, persona))
    response = client.post(reverse("cases:send_pickup_code", args=[case.number]))
    if persona == "anonymous":
        _assert_refused(response, persona)
    else:
        assert response.status_code == 404
    case.refresh_from_db()
    assert case.pickup_code_sent_at is None
    client.force_login(world.clerk)
    assert client.post(reverse("cases:send_pickup_code", args=[case.number])).status_code == 302
    case.refresh_from_db()
    assert case.pickup_code_sent_at is not None
