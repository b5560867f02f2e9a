"""The guide editor round-trips every element of a version (issue 7 §2): load → save unchanged → no difference.

The page is read as served and posted back as a browser would (``browser_form``), so a field the editor does not
carry — 受理标准, 来源说明, 纸质规格, 可通过共享免提交, an uploaded blank form — shows up as a difference.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tongban.catalog.choices import FlowKind
from tongban.catalog.models import FlowTemplate, ItemVersion
from tongban.catalog.services import (
    do_create_implementation,
    do_start_draft,
    do_update_draft,
    version_content,
)
from tongban.catalog.tests import strategies
from tongban.catalog.tests.browser_form import form_data
from tongban.catalog.tests.factories import make_world


def snapshot(version: ItemVersion) -> dict[str, Any]:
    """Everything about a version the editor may touch: content, parts with their ids, bookkeeping fields."""
    version = ItemVersion.objects.get(pk=version.pk)
    return {
        "content": version_content(version),
        "change_note": version.change_note,
        "deviation_reasons": version.deviation_reasons,
        "ids": {
            "materials": list(version.materials.values_list("pk", flat=True)),
            "fees": list(version.fees.values_list("pk", flat=True)),
            "faqs": list(version.faqs.values_list("pk", flat=True)),
        },
        "status": version.status,
    }


def save_unchanged(client: Any, version: ItemVersion) -> Any:
    url = reverse("catalog:version_edit", args=[version.pk])
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, form_data(page.content.decode(), "version-form"))


class EditorRoundTripTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = make_world()
        cls.flows = [
            FlowTemplate.objects.create(
                key=f"flow-{n}",
                name=f"流程{n}",
                kind=FlowKind.SINGLE_DEPARTMENT,
                bpmn_xml="<x/>",
                process_id="p",
            )
            for n in (1, 2)
        ]
        cls.county = do_create_implementation(
            cls.world.item, cls.world.xiangfu_dept, actor=cls.world.admin_xiangfu
        )

    def test_the_strategy_covers_every_guide_element(self) -> None:
        covered = set(strategies.guide_field_strategies([]))
        assert set(ItemVersion.guide_field_names()) - covered == set()

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        fields=st.deferred(lambda: strategies.guide_fields([1, 2])),
        materials=strategies.materials(),
        fees=strategies.fees(),
        faqs=strategies.faqs(),
        reasons=strategies.deviation_reasons(),
        county=st.booleans(),
        review=st.booleans(),
    )
    def test_saving_the_editor_unchanged_changes_nothing(
        self,
        fields: dict[str, Any],
        materials: Any,
        fees: Any,
        faqs: Any,
        reasons: Any,
        county: bool,
        review: bool,
    ) -> None:
        world = self.world
        if county:
            version, admin = self.county.versions.get(), world.admin_xiangfu
            fields = {**fields, "deviation_reasons": reasons}
        else:
            version, admin = do_start_draft(world.city_impl, actor=world.admin_city), world.admin_city
        flow = fields.pop("flow_template")
        fields["flow_template"] = self.flows[flow - 1] if flow else None
        department = world.xiangfu_dept if county else world.city_dept
        fields["review_departments"] = [department] if review else []
        do_update_draft(version, actor=admin, fields=fields, materials=materials, fees=fees, faqs=faqs)
        before = snapshot(version)
        self.client.force_login(admin)
        response = save_unchanged(self.client, version)
        assert response.status_code == 302, response.content.decode()[:3000]
        assert snapshot(version) == before


class MaterialFieldsSurviveTests(TestCase):
    """The regression of issue 7: material fields the old editor did not carry were dropped on every save."""

    def test_shared_material_stays_shared_and_keeps_its_standard_note_spec_and_files(self) -> None:
        world = make_world()
        draft = do_start_draft(world.city_impl, actor=world.admin_city)
        do_update_draft(
            draft,
            actor=world.admin_city,
            materials=[
                {
                    "name": "营业执照",
                    "source": "government",
                    "source_note": "市场监管部门核发",
                    "paper_spec": "A4",
                    "accept_standard": "登记状态为存续",
                    "exempt_if_shared": True,
                    "blank_form": "catalog/forms/licence.pdf",
                    "sample": "catalog/samples/licence.pdf",
                }
            ],
        )
        self.client.force_login(world.admin_city)
        assert save_unchanged(self.client, draft).status_code == 302
        material = ItemVersion.objects.get(pk=draft.pk).materials.get()
        assert material.exempt_if_shared is True
        assert (material.source_note, material.paper_spec, material.accept_standard) == (
            "市场监管部门核发",
            "A4",
            "登记状态为存续",
        )
        assert (material.blank_form.name, material.sample.name) == (
            "catalog/forms/licence.pdf",
            "catalog/samples/licence.pdf",
        )
