"""Case lifecycle pages: what each page does, and that refusals are clear 4xx pages that keep the user's input."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tongban.cases import services
from tongban.cases.choices import CaseState, TaskState
from tongban.cases.models import Case, CaseMaterial
from tongban.cases.tests.factories import (
    PDF_BYTES,
    decided_case,
    in_review_case,
    make_item,
    make_world,
    open_task,
    pdf,
    submitted_case,
)
from tongban.catalog.choices import MaterialNecessity

pytestmark = pytest.mark.django_db

SCHEMA = {
    "type": "object",
    "x-sections": [{"title": "申请人信息", "fields": ["applicant_name", "phone"]}],
    "properties": {
        "applicant_name": {"type": "string", "title": "申请人姓名", "x-prefill": "user.real_name"},
        "phone": {"type": "string", "title": "联系电话", "x-format": "phone"},
        "area": {"type": "number", "title": "经营面积", "minimum": 0},
    },
    "required": ["applicant_name", "phone"],
}


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def version(world):
    return make_item(world.scjg, name="食品经营许可", form_schema=SCHEMA)


def _apply_url(version):
    return reverse("cases:apply", args=[version.implementation.code])


def _post_apply(client, url, *, action="submit", files=None, **fields):
    data = {"action": action, "idempotency_key": fields.pop("key", "k1")}
    data.update({f"f-{k}": v for k, v in fields.items()})
    data.update(files or {})
    return client.post(url, data)


# --- applicant ---------------------------------------------------------------------------------------------------


def test_the_apply_page_shows_the_prefilled_form_and_the_materials_with_limits(client, world, version):
    client.force_login(world.citizen)
    response = client.get(_apply_url(version))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="王秀英"' in html  # x-prefill from the signed-in user
    assert "营业执照" in html and 'name="material-' in html
    assert "不超过 20 MB" in html


def test_submitting_a_valid_application_shows_the_number_query_code_and_receipt(client, world, version):
    client.force_login(world.citizen)
    material = version.materials.get()
    response = _post_apply(
        client,
        _apply_url(version),
        applicant_name="王秀英",
        phone="13812345678",
        files={f"material-{material.pk}": pdf("执照.pdf")},
    )
    case = Case.objects.get(created_by=world.citizen)
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:submitted", args=[case.number]
    )
    assert case.state == CaseState.SUBMITTED and case.form_data["phone"] == "13812345678"
    page = client.get(response["Location"]).content.decode()
    assert case.number in page and case.query_code in page and "下载收件回执" in page


def test_an_invalid_submission_keeps_everything_typed_and_the_uploaded_file(client, world, version):
    client.force_login(world.citizen)
    material = version.materials.get()
    response = _post_apply(
        client,
        _apply_url(version),
        applicant_name="王秀英",
        phone="12345",
        area="abc",
        files={f"material-{material.pk}": pdf("执照.pdf")},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "“联系电话”不是有效的11位手机号码。" in html and "“经营面积”必须是数字。" in html
    assert 'value="12345"' in html and 'value="abc"' in html
    case = Case.objects.get(created_by=world.citizen)
    assert case.state == CaseState.DRAFT and case.number is None  # not submitted
    assert case.form_data == {
        "applicant_name": "王秀英",
        "phone": "12345",
        "area": "abc",
    }  # draft kept as typed
    assert case.materials.filter(is_current=True).count() == 1  # the file is kept with the draft
    assert "已上传" in html


def test_saving_a_draft_and_resuming_it(client, world, version):
    client.force_login(world.citizen)
    response = _post_apply(client, _apply_url(version), action="save", applicant_name="王秀英", phone="138")
    case = Case.objects.get(created_by=world.citizen)
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:draft_edit", args=[case.ref]
    )
    page = client.get(response["Location"]).content.decode()
    assert 'value="138"' in page
    assert case.state == CaseState.DRAFT
    listing = client.get(reverse("cases:my_cases")).content.decode()
    assert "继续填写" in listing


def test_the_same_idempotency_key_creates_one_draft(client, world, version):
    client.force_login(world.citizen)
    _post_apply(client, _apply_url(version), action="save", applicant_name="王秀英", phone="138", key="same")
    _post_apply(client, _apply_url(version), action="save", applicant_name="王秀英", phone="138", key="same")
    assert Case.objects.filter(created_by=world.citizen).count() == 1


def test_an_upload_that_is_not_a_pdf_is_refused_and_not_attached(client, world, version):
    client.force_login(world.citizen)
    material = version.materials.get()
    fake = SimpleUploadedFile("执照.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    response = _post_apply(
        client,
        _apply_url(version),
        applicant_name="王秀英",
        phone="13812345678",
        files={f"material-{material.pk}": fake},
    )
    assert response.status_code == 422
    assert "不支持该文件类型" in response.content.decode()
    case = Case.objects.get(created_by=world.citizen)
    assert case.state == CaseState.DRAFT and not case.materials.exists()


def test_a_commitment_item_needs_the_signature_before_submission(client, world):
    version = make_item(world.scjg, commitment=True, materials=())
    client.force_login(world.citizen)
    response = _post_apply(client, _apply_url(version))
    assert response.status_code == 422 and "告知承诺书" in response.content.decode()
    case = Case.objects.get(created_by=world.citizen)
    assert case.state == CaseState.DRAFT and case.commitment_signed_at is None
    response = client.post(
        reverse("cases:draft_edit", args=[case.ref]), {"action": "submit", "commitment_signed": "1"}
    )
    case.refresh_from_db()
    assert response.status_code == 302 and case.commitment_signed_at is not None
    assert case.state != CaseState.DRAFT


def test_an_unknown_item_is_404(client, world):
    client.force_login(world.citizen)
    assert client.get(reverse("cases:apply", args=["nope"])).status_code == 404


def test_the_correction_page_lists_only_flagged_materials_and_resubmission_works(client, world):
    version = make_item(
        world.scjg,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("场所证明", MaterialNecessity.REQUIRED)),
    )
    case = submitted_case(world, version)
    flagged = case.materials.get(name="场所证明")
    services.do_request_correction(case, actor=world.clerk, problems=[(flagged, "盖章不清晰")])
    client.force_login(world.citizen)
    html = client.get(reverse("cases:case_detail", args=[case.ref])).content.decode()
    assert "盖章不清晰" in html and 'data-problem="0"' in html and 'data-problem="1"' not in html

    # Resubmitting before the flagged file is replaced is refused and changes nothing.
    response = client.post(reverse("cases:resubmit", args=[case.ref]))
    case.refresh_from_db()
    assert response.status_code == 422 and case.state == CaseState.CORRECTION_REQUESTED

    response = client.post(
        reverse("cases:correction_upload", args=[case.ref, 0]), {"file": pdf("新证明.pdf")}
    )
    assert response.status_code == 302
    assert case.materials.filter(name="场所证明", is_current=True).get().original_name == "新证明.pdf"
    client.post(reverse("cases:resubmit", args=[case.ref]))
    case.refresh_from_db()
    assert case.state == CaseState.SUBMITTED


def test_a_correction_upload_for_an_unlisted_problem_is_refused(client, world):
    case = submitted_case(world, make_item(world.scjg))
    services.do_request_correction(case, actor=world.clerk, problems=[(case.materials.get(), "不清晰")])
    client.force_login(world.citizen)
    before = CaseMaterial.objects.count()
    response = client.post(reverse("cases:correction_upload", args=[case.ref, 5]), {"file": pdf()})
    assert response.status_code == 409
    assert CaseMaterial.objects.count() == before


def test_withdrawing_before_the_decision(client, world):
    case = submitted_case(world, make_item(world.scjg))
    client.force_login(world.citizen)
    response = client.post(reverse("cases:withdraw", args=[case.ref]), {"reason": "不办了"})
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.WITHDRAWN


def test_material_download_is_an_attachment_with_nosniff(client, world):
    case = submitted_case(world, make_item(world.scjg))
    material = case.materials.get()
    client.force_login(world.citizen)
    response = client.get(reverse("cases:material_download", args=[case.ref, material.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_notice_download_returns_the_pdf(client, world):
    case = submitted_case(world, make_item(world.scjg))
    receipt = case.notices.get(kind="receipt")
    client.force_login(world.citizen)
    response = client.get(reverse("cases:notice_download", args=[case.ref, receipt.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


# --- window clerk ------------------------------------------------------------------------------------------------


def test_window_intake_refuses_an_invalid_id_number_and_creates_nothing(client, world, version):
    client.force_login(world.clerk)
    response = client.post(
        reverse("cases:window_intake"),
        {"code": version.implementation.code, "id_number": "410202199001010019", "name": "张三", "key": "w"},
    )
    assert response.status_code == 422
    assert "居民身份证号码不正确" in response.content.decode()
    assert 'value="张三"' in response.content.decode()
    assert not Case.objects.exists()


def test_window_intake_creates_a_submitted_case_for_the_person_present(client, world, version):
    client.force_login(world.clerk)
    material = version.materials.get()
    response = client.post(
        reverse("cases:window_intake"),
        {
            "code": version.implementation.code,
            "id_number": "410202199001010018",
            "name": "王秀英",
            "phone": "13812345678",
            "originals_checked": "on",
            "f-applicant_name": "王秀英",
            "f-phone": "13812345678",
            f"material-{material.pk}": pdf(),
            "idempotency_key": "w1",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "cases:staff_case", args=[case.number]
    )
    assert case.channel == "window" and case.state == CaseState.SUBMITTED
    assert case.materials.get().originals_checked


def test_window_intake_tells_the_clerk_when_no_account_may_follow_the_case(client, world, version):
    from tongban.accounts.testing import make_citizen, make_id_number

    number = make_id_number("window-view-unverified")
    impostor = make_citizen("view_impostor", "冒名者", id_number=number)
    client.force_login(world.clerk)
    response = client.post(
        reverse("cases:window_intake"),
        {
            "code": version.implementation.code,
            "id_number": number,
            "name": "孙桂兰",
            "phone": "13903781111",
            "originals_checked": "on",
            "f-applicant_name": "孙桂兰",
            "f-phone": "13903781111",
            f"material-{version.materials.get().pk}": pdf(),
            "idempotency_key": "w-unlinked",
        },
        follow=True,
    )
    case = Case.objects.get()
    assert case.applicant_user is None and case.applicant_name == "孙桂兰"
    assert "本办件不在任何网上账号中显示" in response.content.decode()
    client.force_login(impostor)
    assert client.get(reverse("cases:case_detail", kwargs={"ref": case.ref})).status_code == 404


def test_pre_review_accepts_a_case(client, world):
    case = submitted_case(world, make_item(world.scjg))
    client.force_login(world.clerk)
    material = case.materials.get()
    page = client.get(reverse("cases:pre_review", args=[case.number]))
    assert page.status_code == 200
    response = client.post(
        reverse("cases:pre_review", args=[case.number]), {"action": "accept", f"mark-{material.pk}": "pass"}
    )
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.IN_REVIEW
    assert case.notices.filter(kind="acceptance").exists()


def test_pre_review_correction_needs_a_reason_for_each_problem(client, world):
    case = submitted_case(world, make_item(world.scjg))
    material = case.materials.get()
    client.force_login(world.clerk)
    response = client.post(
        reverse("cases:pre_review", args=[case.number]),
        {"action": "correction", f"mark-{material.pk}": "problem"},
    )
    case.refresh_from_db()
    assert response.status_code == 422 and "请为每一项有问题的材料填写原因" in response.content.decode()
    assert case.state == CaseState.SUBMITTED and not case.notices.filter(kind="correction").exists()
    client.post(
        reverse("cases:pre_review", args=[case.number]),
        {"action": "correction", f"mark-{material.pk}": "problem", f"reason-{material.pk}": "不清晰"},
    )
    case.refresh_from_db()
    assert case.state == CaseState.CORRECTION_REQUESTED


def test_refusing_acceptance_without_reasons_is_refused(client, world):
    case = submitted_case(world, make_item(world.scjg))
    client.force_login(world.clerk)
    response = client.post(reverse("cases:pre_review", args=[case.number]), {"action": "refuse"})
    case.refresh_from_db()
    assert response.status_code == 422 and case.state == CaseState.SUBMITTED


def test_pickup_with_the_wrong_code_delivers_nothing(client, world):
    case = in_review_case(world, make_item(world.scjg))
    for step, actor in (("review", world.reviewer), ("audit", world.approver), ("decide", world.approver2)):
        task = open_task(case, step)
        services.do_claim_task(task, actor=actor)
        services.do_complete_task(task, actor=actor, outcome="approve", opinion="同意")
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED
    client.force_login(world.clerk)
    response = client.post(reverse("cases:pickup"), {"number": case.number, "pickup_code": "WRONG1"})
    case.refresh_from_db()
    assert response.status_code == 422 and case.state == CaseState.DECIDED
    response = client.post(reverse("cases:pickup"), {"number": case.number, "pickup_code": case.pickup_code})
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.CLOSED


# --- department inbox -------------------------------------------------------------------------------------------


def test_the_inbox_lists_claims_and_completes_tasks(client, world):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(world.reviewer)
    html = client.get(reverse("cases:inbox")).content.decode()
    assert case.number in html and "签收" in html
    task = open_task(case, "review")
    client.post(reverse("cases:task_claim", args=[task.pk]))
    task.refresh_from_db()
    assert task.state == TaskState.CLAIMED and task.assignee == world.reviewer
    response = client.post(
        reverse("cases:task_complete", args=[task.pk]),
        {"outcome": "approve", "opinion": "符合条件", "expected_version": task.version},
    )
    task.refresh_from_db()
    assert response.status_code == 302 and task.state == TaskState.COMPLETED


def test_the_htmx_inbox_request_gets_only_the_table(client, world):
    in_review_case(world, make_item(world.scjg))
    client.force_login(world.reviewer)
    response = client.get(reverse("cases:inbox"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b'id="tasks"' in response.content and b"<html" not in response.content


def test_a_stale_completion_shows_a_conflict_message_not_a_500(client, world):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    services.do_claim_task(task, actor=world.reviewer)
    task.refresh_from_db()
    stale = task.version - 1
    client.force_login(world.reviewer)
    response = client.post(
        reverse("cases:task_complete", args=[task.pk]),
        {"outcome": "approve", "opinion": "同意", "expected_version": stale},
    )
    task.refresh_from_db()
    assert response.status_code == 409
    assert "TASK_VERSION_CONFLICT" in response.content.decode()
    assert task.state == TaskState.CLAIMED


def test_completing_twice_shows_already_completed(client, world):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    services.do_claim_task(task, actor=world.reviewer)
    client.force_login(world.reviewer)
    url = reverse("cases:task_complete", args=[task.pk])
    client.post(url, {"outcome": "approve", "opinion": "同意"})
    response = client.post(url, {"outcome": "approve", "opinion": "同意"})
    assert response.status_code in (404, 409)
    assert case.tasks.filter(step="audit").count() == 1  # the flow advanced once


def test_rejecting_without_an_opinion_is_refused(client, world):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    services.do_claim_task(task, actor=world.reviewer)
    client.force_login(world.reviewer)
    response = client.post(reverse("cases:task_complete", args=[task.pk]), {"outcome": "reject"})
    task.refresh_from_db()
    assert response.status_code == 422 and "请填写意见" in response.content.decode()
    assert task.state == TaskState.CLAIMED


def test_transfer_to_a_colleague(client, world):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    services.do_claim_task(task, actor=world.reviewer)
    client.force_login(world.reviewer)
    client.post(
        reverse("cases:task_transfer", args=[task.pk]), {"to_user": world.reviewer2.pk, "reason": "休假"}
    )
    task.refresh_from_db()
    assert task.assignee == world.reviewer2


def test_special_procedure_start_and_finish(client, world):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(world.reviewer)
    client.post(
        reverse("cases:special_start", args=[case.number]),
        {"kind": "site_inspection", "reason": "现场核查", "expected_days": 3},
    )
    case.refresh_from_db()
    assert case.state == CaseState.SPECIAL_PROCEDURE
    client.post(reverse("cases:special_finish", args=[case.number]), {"result": "核查通过"})
    case.refresh_from_db()
    assert case.state == CaseState.IN_REVIEW


def test_an_extension_is_requested_and_approved_by_the_supervisor(client, world):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(world.approver)
    client.post(reverse("cases:extension_request", args=[case.number]), {"days": 5, "reason": "情况复杂"})
    extension = case.extensions.get()
    client.force_login(world.supervisor)
    assert "情况复杂" in client.get(reverse("cases:supervision")).content.decode()
    client.post(reverse("cases:extension_decide", args=[extension.pk]), {"approve": "1", "note": "同意"})
    extension.refresh_from_db()
    assert extension.state == "approved"


def test_an_extension_over_ten_days_is_refused_with_a_message(client, world):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(world.approver)
    response = client.post(
        reverse("cases:extension_request", args=[case.number]), {"days": 11, "reason": "x"}
    )
    assert response.status_code == 422
    assert not case.extensions.exists()


def test_the_supervisor_terminates_a_case(client, world):
    case = in_review_case(world, make_item(world.scjg))
    client.force_login(world.supervisor)
    client.post(reverse("cases:terminate", args=[case.number]), {"reason": "申请人死亡"})
    case.refresh_from_db()
    assert case.state == CaseState.TERMINATED


# --- public -------------------------------------------------------------------------------------------------------


def test_progress_lookup_shows_state_without_personal_data(client, world):
    case = submitted_case(world, make_item(world.scjg, name="食品经营许可"))
    response = client.get(reverse("cases:progress"), {"number": case.number, "code": case.query_code.lower()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "已申请" in html and "开封市市场监督管理局" in html
    assert "王秀英" not in html


def test_progress_with_a_wrong_code_shows_not_found(client, world):
    case = submitted_case(world, make_item(world.scjg))
    wrong = "AAAAAA" if case.query_code != "AAAAAA" else "BBBBBB"
    response = client.get(reverse("cases:progress"), {"number": case.number, "code": wrong})
    assert response.status_code == 404
    assert "未找到该办件" in response.content.decode()
    missing = client.get(reverse("cases:progress"), {"number": "41020020990101000001", "code": wrong})
    assert missing.content.decode().count("未找到该办件") == 1  # the same message for missing and wrong code


def test_progress_lookups_are_limited_per_address_and_per_case_number(client, world, settings):
    # Query codes are six characters: unlimited guessing would find them. HTML and API count together.
    settings.TONGBAN_RATE_LIMITS = {**settings.TONGBAN_RATE_LIMITS, "lookup": "3/m", "lookup_key": "5/m"}
    case = submitted_case(world, make_item(world.scjg))
    url = reverse("cases:progress")
    for code in ("AAAAA1", "AAAAA2"):
        assert client.get(url, {"number": case.number, "code": code}).status_code == 404
    assert client.get(f"/api/v1/public/cases/{case.number}", {"code": "AAAAA3"}).status_code == 404
    limited = client.get(url, {"number": case.number, "code": case.query_code})
    assert limited.status_code == 429
    assert (
        "操作过于频繁，请稍后再试。" in limited.content.decode()
        and 'data-error-code="TOO_MANY_REQUESTS"' in (limited.content.decode())
    )
    api = client.get(f"/api/v1/public/cases/{case.number}", {"code": case.query_code})
    assert api.status_code == 429 and api.json()["code"] == "TOO_MANY_REQUESTS"
    # From other addresses the same case number is still limited once it has been tried five times in all…
    other = {"REMOTE_ADDR": "198.51.100.20"}
    assert client.get(url, {"number": case.number, "code": case.query_code}, **other).status_code == 429
    # …while another case from a fresh address is answered.
    fresh = submitted_case(world, make_item(world.scjg))
    answered = client.get(
        url, {"number": fresh.number, "code": fresh.query_code}, REMOTE_ADDR="198.51.100.21"
    )
    assert answered.status_code == 200


def test_disclosure_masks_applicant_names_and_filters_by_department(client, world):
    submitted_case(world, make_item(world.scjg, disclose_cases=True))
    html = client.get(reverse("cases:disclosure")).content.decode()
    assert "王*英" in html and "王秀英" not in html
    other = client.get(reverse("cases:disclosure"), {"department": world.ga.pk}).content.decode()
    assert "王*英" not in other


def test_an_enterprise_agent_applies_for_the_enterprise_with_its_data_prefilled(client, world):
    schema = {
        "properties": {"company": {"type": "string", "title": "单位名称", "x-prefill": "enterprise.name"}},
        "required": ["company"],
    }
    version = make_item(world.scjg, form_schema=schema, materials=())
    client.force_login(world.agent)
    page = client.get(_apply_url(version), {"as": world.enterprise.pk}).content.decode()
    assert f'value="{world.enterprise.name}"' in page
    response = client.post(
        _apply_url(version),
        {
            "action": "submit",
            "idempotency_key": "e1",
            "enterprise": world.enterprise.pk,
            "f-company": "汴梁食品",
        },
    )
    case = Case.objects.get(created_by=world.agent)
    assert response.status_code == 302
    assert case.enterprise == world.enterprise and case.agent == world.agent


def test_an_enterprise_the_user_may_not_act_for_is_ignored(client, world):
    version = make_item(world.scjg, materials=())
    client.force_login(world.citizen)
    client.post(
        _apply_url(version), {"action": "save", "idempotency_key": "e2", "enterprise": world.enterprise.pk}
    )
    case = Case.objects.get(created_by=world.citizen)
    assert case.enterprise is None and case.applicant_user == world.citizen


def test_tolerated_acceptance_and_the_applicant_supplies_the_material_later(client, world):
    version = make_item(
        world.scjg,
        tolerance=True,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("健康证明", MaterialNecessity.TOLERABLE)),
    )
    case = submitted_case(world, version)
    tolerable = version.materials.get(name="健康证明")
    client.force_login(world.clerk)
    response = client.post(
        reverse("cases:pre_review", args=[case.number]),
        {"action": "accept", "tolerated": [tolerable.pk], "supplement_deadline_days": 5},
    )
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.IN_REVIEW
    assert case.supplement_deadline is not None

    client.force_login(world.citizen)
    page = client.get(reverse("cases:case_detail", args=[case.ref])).content.decode()
    assert "容缺材料补交" in page and "健康证明" in page
    response = client.post(
        reverse("cases:supplement_upload", args=[case.ref, tolerable.pk]), {"file": pdf("健康证.pdf")}
    )
    assert response.status_code == 302
    assert case.materials.get(material=tolerable).supplied_at is not None


def test_tolerating_without_a_deadline_is_refused(client, world):
    version = make_item(
        world.scjg,
        tolerance=True,
        materials=(("营业执照", MaterialNecessity.REQUIRED), ("健康证明", MaterialNecessity.TOLERABLE)),
    )
    case = submitted_case(world, version)
    client.force_login(world.clerk)
    response = client.post(
        reverse("cases:pre_review", args=[case.number]),
        {"action": "accept", "tolerated": [version.materials.get(name="健康证明").pk]},
    )
    case.refresh_from_db()
    assert response.status_code == 422 and "补交期限" in response.content.decode()
    assert case.state == CaseState.SUBMITTED


def test_the_inbox_query_count_does_not_grow_with_the_number_of_tasks(
    client, world, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    version = make_item(world.scjg)
    in_review_case(world, version)
    client.force_login(world.reviewer)
    client.get(reverse("cases:inbox"))  # warm caches (grants, calendar)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("cases:inbox"))
    for _ in range(3):
        in_review_case(world, version)
    with CaptureQueriesContext(connection) as four:
        response = client.get(reverse("cases:inbox"))
    assert response.content.decode().count('data-task="') == 4
    assert len(four) <= len(one) + 2, [q["sql"] for q in four.captured_queries]


def test_an_uploaded_material_can_be_removed_from_a_draft(client, world, version):
    client.force_login(world.citizen)
    material = version.materials.get()
    _post_apply(client, _apply_url(version), action="save", files={f"material-{material.pk}": pdf()})
    case = Case.objects.get(created_by=world.citizen)
    uploaded = case.materials.get()
    response = client.post(
        reverse("cases:draft_edit", args=[case.ref]), {"action": "save", "remove": str(uploaded.pk)}
    )
    assert response.status_code == 200
    assert not case.materials.filter(is_current=True).exists()


def test_steps_that_cannot_be_returned_do_not_offer_return(client, world):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    services.do_claim_task(task, actor=world.reviewer)
    client.force_login(world.reviewer)
    html = client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    assert 'value="approve"' in html and 'value="return"' not in html


def test_the_staff_tabs_follow_the_users_roles(client, world):
    client.force_login(world.reviewer)
    html = client.get(reverse("cases:inbox")).content.decode()
    assert (
        "待办件" in html
        and reverse("cases:window_intake") not in html
        and reverse("cases:supervision") not in html
    )
    client.force_login(world.clerk)
    assert reverse("cases:window_intake") in client.get(reverse("cases:inbox")).content.decode()


def test_window_intake_filters_items_by_name(client, world):
    make_item(world.scjg, name="食品经营许可")
    make_item(world.scjg, name="药品零售许可")
    client.force_login(world.clerk)
    html = client.get(reverse("cases:window_intake"), {"q": "药品"}).content.decode()
    assert "药品零售许可" in html and "食品经营许可" not in html


def test_another_authorised_agent_of_the_enterprise_sees_the_case(client, world):
    from tongban.accounts.testing import make_enterprise_agent

    version = make_item(world.scjg, materials=())
    case = services.do_create_case(
        actor=world.agent, version=version, enterprise=world.enterprise, form_data={}, submit=True
    )
    colleague = make_enterprise_agent("t_agent2", real_name="钱多", enterprise=world.enterprise)
    client.force_login(colleague)
    assert client.get(reverse("cases:case_detail", args=[case.ref])).status_code == 200


# --- 领取方式 -------------------------------------------------------------------------------------------------------


def test_the_apply_page_offers_only_the_modes_the_item_offers(client, world):
    version = make_item(world.scjg, form_schema=SCHEMA, delivery_modes=("window", "post"))
    client.force_login(world.citizen)
    html = client.get(_apply_url(version)).content.decode()
    assert 'name="mode" value="window"' in html and 'name="mode" value="post"' in html
    assert 'value="electronic"' not in html and 'name="address"' in html


def test_a_draft_saved_with_post_and_an_address_keeps_the_choice(client, world):
    version = make_item(world.scjg, form_schema=SCHEMA, delivery_modes=("window", "post"))
    client.force_login(world.citizen)
    response = _post_apply(
        client, _apply_url(version), action="save", applicant_name="王秀英", phone="13800000000"
    )
    case = Case.objects.get(version=version)
    assert response.status_code == 302 and case.requested_delivery_mode == ""
    data = {"action": "save", "f-applicant_name": "王秀英", "mode": "post", "address": "开封市鼓楼区1号"}
    response = client.post(reverse("cases:draft_edit", args=[case.ref]), data)
    case.refresh_from_db()
    assert response.status_code == 302
    assert (case.requested_delivery_mode, case.delivery_address) == ("post", "开封市鼓楼区1号")


def test_applying_with_post_but_no_address_is_refused_and_the_draft_is_kept(client, world):
    version = make_item(world.scjg, form_schema=SCHEMA, delivery_modes=("window", "post"))
    client.force_login(world.citizen)
    data = {"action": "submit", "idempotency_key": "k9", "f-applicant_name": "王秀英", "mode": "post"}
    response = client.post(_apply_url(version), data)
    case = Case.objects.get(version=version)
    assert response.status_code == 422
    assert 'data-error-code="DELIVERY_ADDRESS_REQUIRED"' in response.content.decode()
    assert case.state == CaseState.DRAFT and case.requested_delivery_mode == ""
    assert case.form_data.get("applicant_name") == "王秀英"


def test_the_applicant_changes_the_mode_on_the_case_page_until_hand_out(client, world):
    case = submitted_case(world, make_item(world.scjg, delivery_modes=("window", "post", "electronic")))
    client.force_login(world.citizen)
    url = reverse("cases:case_choose_delivery", args=[case.ref])
    page = client.get(reverse("cases:case_detail", args=[case.ref])).content.decode()
    assert f'action="{url}"' in page and "尚未选择" in page
    response = client.post(url, {"mode": "post", "address": ""})
    assert response.status_code == 422
    assert 'data-error-code="DELIVERY_ADDRESS_REQUIRED"' in response.content.decode()
    case.refresh_from_db()
    assert case.requested_delivery_mode == ""
    response = client.post(url, {"mode": "post", "address": "开封市鼓楼区1号"})
    case.refresh_from_db()
    assert response.status_code == 302 and case.requested_delivery_mode == "post"
    page = client.get(reverse("cases:case_detail", args=[case.ref])).content.decode()
    assert "开封市鼓楼区1号" in page


def test_a_mode_the_item_does_not_offer_is_refused_on_the_case_page(client, world):
    case = submitted_case(world, make_item(world.scjg))
    client.force_login(world.citizen)
    response = client.post(reverse("cases:case_choose_delivery", args=[case.ref]), {"mode": "electronic"})
    case.refresh_from_db()
    assert response.status_code == 422 and case.requested_delivery_mode == ""


def test_the_case_page_shows_the_pickup_code_for_window_and_the_tracking_number_for_post(client, world):
    version = make_item(world.scjg, delivery_modes=("window", "post", "electronic"))
    window = decided_case(world, version)
    client.force_login(world.citizen)
    page = client.get(reverse("cases:case_detail", args=[window.ref])).content.decode()
    assert 'id="pickup-info"' in page and window.pickup_code in page
    posted = decided_case(world, version)
    services.do_choose_delivery(posted, actor=world.citizen, mode="post", address="开封市鼓楼区1号")
    page = client.get(reverse("cases:case_detail", args=[posted.ref])).content.decode()
    assert 'id="post-info"' in page and 'id="pickup-info"' not in page
    services.do_deliver_case(posted, actor=world.clerk, mode="post", tracking_number="SF20251001")
    page = client.get(reverse("cases:case_detail", args=[posted.ref])).content.decode()
    assert 'id="tracking-number">SF20251001<' in page
    assert f'action="{reverse("cases:case_choose_delivery", args=[posted.ref])}"' not in page


def test_the_case_page_links_the_electronic_result(client, world):
    case = decided_case(world, make_item(world.scjg, delivery_modes=("electronic",)))
    # Choosing 电子送达 once the decision exists delivers it to the account at once.
    case = services.do_choose_delivery(case, actor=world.citizen, mode="electronic")
    assert case.state == CaseState.CLOSED
    client.force_login(world.citizen)
    page = client.get(reverse("cases:case_detail", args=[case.ref])).content.decode()
    decision = case.notices.get(kind="decision")
    assert 'id="electronic-result"' in page
    assert reverse("cases:notice_download", args=[case.ref, decision.pk]) in page


def test_the_staff_page_shows_the_choice_and_defaults_the_deliver_form_to_it(client, world):
    case = decided_case(world, make_item(world.scjg, delivery_modes=("window", "post")))
    services.do_choose_delivery(case, actor=world.citizen, mode="post", address="开封市鼓楼区1号")
    client.force_login(world.clerk)
    page = client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    assert "邮寄送达" in page and "开封市鼓楼区1号" in page
    assert '<option value="post" selected>' in page
    url = reverse("cases:deliver", args=[case.number])
    response = client.post(url, {"mode": "window", "pickup_code": case.pickup_code})
    case.refresh_from_db()
    assert response.status_code == 409 and case.state == CaseState.DECIDED
    assert 'data-error-code="DELIVERY_MODE_MISMATCH"' in response.content.decode()
    response = client.post(url, {"mode": "post", "tracking_number": "SF1"})
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.CLOSED


def test_window_pickup_is_refused_when_the_applicant_chose_post(client, world):
    case = decided_case(world, make_item(world.scjg, delivery_modes=("window", "post")))
    services.do_choose_delivery(case, actor=world.citizen, mode="post", address="开封市鼓楼区1号")
    client.force_login(world.clerk)
    response = client.post(reverse("cases:pickup"), {"number": case.number, "pickup_code": case.pickup_code})
    case.refresh_from_db()
    assert response.status_code == 409 and case.state == CaseState.DECIDED


# --- issue 7: enterprise at the window, 即办件, pickup codes, drafts, polish --------------------------------------


def _organisation_item(world, **extra):
    from tongban.catalog.models import ItemVersion

    version = make_item(world.scjg, materials=(), **extra)
    ItemVersion.objects.filter(pk=version.pk).update(service_objects=["2", "6"])
    return ItemVersion.objects.get(pk=version.pk)


def test_the_window_takes_in_an_enterprise_application_through_its_agent(client, world):
    from tongban.accounts.testing import make_id_number

    version = _organisation_item(world)
    client.force_login(world.clerk)
    page = client.get(reverse("cases:window_intake"), {"code": version.implementation.code}).content.decode()
    assert 'id="enterprise-fields"' in page and "经办人身份核验" in page and 'id="proxy-fields"' not in page
    data = {
        "code": version.implementation.code,
        "applicant_kind": "enterprise",
        "id_number": make_id_number("view-agent"),
        "name": "钱经办",
        "idempotency_key": "e1",
    }
    # Without the enterprise the form says what is missing and keeps what was typed.
    response = client.post(reverse("cases:window_intake"), data)
    body = response.content.decode()
    assert response.status_code == 422 and "请填写申请单位的统一社会信用代码" in body and "钱经办" in body
    assert not Case.objects.exists()
    response = client.post(
        reverse("cases:window_intake"),
        {
            **data,
            "credit_code": world.enterprise.credit_code,
            "enterprise_name": world.enterprise.name,
            "agent_letter_note": "授权委托书原件已核验",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and case.enterprise == world.enterprise
    assert case.agent.real_name == "钱经办" and case.applicant_name == world.enterprise.name
    staff_page = client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    assert world.enterprise.name in staff_page and "窗口收件" in staff_page


def test_a_person_only_item_shows_no_enterprise_fields(client, world):
    from tongban.catalog.models import ItemVersion

    version = make_item(world.scjg, materials=())
    ItemVersion.objects.filter(pk=version.pk).update(service_objects=["1"])
    client.force_login(world.clerk)
    page = client.get(reverse("cases:window_intake"), {"code": version.implementation.code}).content.decode()
    assert 'id="enterprise-fields"' not in page and 'id="proxy-fields"' in page


def test_the_pre_review_page_decides_an_immediate_item_on_the_spot(client, world):
    normal = submitted_case(world, make_item(world.scjg, promised_days=5))
    client.force_login(world.clerk)
    assert (
        'id="on-the-spot"'
        not in client.get(reverse("cases:pre_review", args=[normal.number])).content.decode()
    )
    case = submitted_case(world, make_item(world.scjg, promised_days=0))
    page = client.get(reverse("cases:pre_review", args=[case.number])).content.decode()
    assert 'id="on-the-spot"' in page
    response = client.post(
        reverse("cases:pre_review", args=[case.number]),
        {"action": "accept", "decide_on_the_spot": "on", "opinion": "当场核验原件无误"},
    )
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.DECIDED
    assert case.decision.opinion == "当场核验原件无误" and case.decision.decided_by == world.clerk


def test_the_staff_page_offers_the_on_the_spot_decision_to_the_accepting_window_only(client, world):
    case = in_review_case(world, make_item(world.scjg, promised_days=0))
    client.force_login(world.reviewer)
    assert (
        'id="decide-on-the-spot"'
        not in client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    )
    client.force_login(world.clerk)
    assert (
        'id="decide-on-the-spot"'
        in client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    )


def test_the_pickup_page_sends_the_code_and_locks_after_wrong_codes(client, world):
    case = decided_case(world, make_item(world.scjg))
    client.force_login(world.clerk)
    response = client.post(reverse("cases:pickup"), {"number": case.number, "action": "send_code"})
    case.refresh_from_db()
    assert response.status_code == 302 and case.pickup_code_sent_at is not None
    wrong = "000000" if case.pickup_code != "000000" else "111111"
    for _attempt in range(services.PICKUP_FREE_ATTEMPTS):
        response = client.post(reverse("cases:pickup"), {"number": case.number, "pickup_code": wrong})
        assert response.status_code == 422 and "取件码不正确" in response.content.decode()
    response = client.post(reverse("cases:pickup"), {"number": case.number, "pickup_code": case.pickup_code})
    assert response.status_code == 429 and "输错次数过多" in response.content.decode()
    assert case.pickup_code not in response.content.decode()
    case.refresh_from_db()
    assert case.state == CaseState.DECIDED and case.pickup_failed_attempts == services.PICKUP_FREE_ATTEMPTS


def test_the_deliver_form_asks_for_a_reason_when_the_applicant_has_not_chosen(client, world):
    case = decided_case(world, make_item(world.scjg, delivery_modes=("window", "post")))
    client.force_login(world.clerk)
    url = reverse("cases:deliver", args=[case.number])
    response = client.post(url, {"mode": "post", "tracking_number": "SF1"})
    assert response.status_code == 422 and "须填写理由" in response.content.decode()
    response = client.post(url, {"mode": "post", "tracking_number": "SF1", "reason": "申请人来电要求邮寄"})
    case.refresh_from_db()
    assert response.status_code == 302 and case.state == CaseState.CLOSED


def test_staff_pages_show_a_short_fingerprint_and_a_real_signer_placeholder(client, world):
    case = in_review_case(world, make_item(world.scjg))
    task = open_task(case, "review")
    services.do_claim_task(task, actor=world.reviewer)
    client.force_login(world.reviewer)
    page = client.get(reverse("cases:staff_case", args=[case.number])).content.decode()
    sha = case.materials.get().sha256
    assert f">{sha}<" not in page and sha[:12] in page
    assert "请选择加签部门" in page and "---------" not in page


def test_a_draft_page_posts_to_the_draft_and_can_be_deleted(client, world, version):
    client.force_login(world.citizen)
    response = _post_apply(
        client, _apply_url(version), applicant_name="王秀英"
    )  # submit fails: phone missing
    case = Case.objects.get()
    page = response.content.decode()
    assert response.status_code == 422
    assert f'action="{reverse("cases:draft_edit", args=[case.ref])}"' in page and 'id="delete-draft"' in page
    listing = client.get(reverse("cases:my_cases")).content.decode()
    assert reverse("cases:draft_delete", args=[case.ref]) in listing


def test_the_apply_page_says_an_immediate_item_is_finished_on_the_spot(client, world):
    version = make_item(world.scjg, promised_days=0)
    client.force_login(world.citizen)
    page = client.get(_apply_url(version)).content.decode()
    assert "即办件，受理后当场办结" in page
