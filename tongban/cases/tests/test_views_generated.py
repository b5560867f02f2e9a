"""The web forms and the API share the submission service: the application page marks and generates the form
material, and over-long idempotency keys are refused on the web as on the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tongban.cases.choices import CaseState
from tongban.cases.models import Case
from tongban.cases.tests.factories import make_item, make_world, pdf
from tongban.catalog.choices import MaterialNecessity

pytestmark = pytest.mark.django_db

SCHEMA = {
    "type": "object",
    "properties": {
        "applicant_name": {"type": "string", "title": "申请人姓名", "x-prefill": "user.real_name"}
    },
    "required": ["applicant_name"],
}


@pytest.fixture
def world():
    return make_world()


@pytest.fixture
def version(world):
    version = make_item(
        world.scjg,
        name="最低生活保障",
        form_schema=SCHEMA,
        materials=(
            ("最低生活保障申请书", MaterialNecessity.REQUIRED),
            ("户口簿", MaterialNecessity.REQUIRED),
        ),
    )
    version.materials.filter(name="最低生活保障申请书").update(generated_from_form=True)
    return version


def test_the_apply_page_marks_the_generated_form_and_submits_without_it(client, world, version):
    client.force_login(world.citizen)
    url = reverse("cases:apply", args=[version.implementation.code])
    generated = version.materials.get(name="最低生活保障申请书")
    page = client.get(url).content.decode()
    assert f'data-generated="{generated.pk}"' in page and "提交时由系统根据填报内容生成" in page
    other = version.materials.get(name="户口簿")
    response = client.post(
        url,
        {
            "action": "submit",
            "idempotency_key": "g1",
            "f-applicant_name": "王秀英",
            f"material-{other.pk}": pdf(),
        },
    )
    case = Case.objects.get(created_by=world.citizen)
    assert response.status_code == 302 and case.state == CaseState.SUBMITTED
    row = case.materials.get(material=generated)
    assert row.generated and row.content_type == "application/pdf"
    download = client.get(reverse("cases:material_download", args=[case.ref, row.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_apply_page_refuses_an_over_long_key_and_keeps_what_was_typed(client, world, version):
    client.force_login(world.citizen)
    response = client.post(
        reverse("cases:apply", args=[version.implementation.code]),
        {"action": "save", "idempotency_key": "k" * 101, "f-applicant_name": "王小英"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "幂等键过长" in html and 'value="王小英"' in html
    assert not Case.objects.exists()


def test_window_intake_refuses_an_over_long_key(client, world, version):
    client.force_login(world.clerk)
    other = version.materials.get(name="户口簿")
    response = client.post(
        reverse("cases:window_intake"),
        {
            "code": version.implementation.code,
            "id_number": "410202199001010018",
            "name": "王秀英",
            "f-applicant_name": "王秀英",
            f"material-{other.pk}": pdf(),
            "idempotency_key": "w" * 101,
        },
    )
    assert response.status_code == 400 and "幂等键过长" in response.content.decode()
    assert not Case.objects.exists()
