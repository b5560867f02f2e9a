"""Guide quality rules: each rule positive and negative."""

from __future__ import annotations

import pytest

from tongban.catalog.quality import CATCH_ALL_PHRASES, CORE_ELEMENTS, check_guide_quality
from tongban.catalog.services import do_create_implementation, do_start_draft, do_update_draft
from tongban.catalog.tests.factories import complete_guide, complete_parts

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(world):
    return do_start_draft(world.city_impl, actor=world.admin_city)


def issues(version, severity=None):
    return {
        (i.code, i.element)
        for i in check_guide_quality(version)
        if severity is None or i.severity == severity
    }


def edit(version, actor=None, **kwargs):
    fields = {k: v for k, v in kwargs.items() if k not in ("materials", "fees", "faqs")}
    parts = {k: v for k, v in kwargs.items() if k in ("materials", "fees", "faqs")}
    do_update_draft(version, actor=actor, fields=fields, **parts)
    version.refresh_from_db()
    return version


def test_a_complete_guide_has_no_issue(draft):
    assert check_guide_quality(draft) == []


@pytest.mark.parametrize(
    ("element", "blank"),
    [
        ("legal_basis", []),
        ("acceptance_conditions", ""),
        ("service_objects", []),
        ("handling_forms", []),
        ("result_name", ""),
        ("consult_phone", ""),
        ("complaint_phone", ""),
        ("office_address", " "),
        ("office_hours", ""),
        ("legal_days", None),
        ("promised_days", None),
    ],
)
def test_a_missing_required_element_is_an_error(draft, element, blank):
    edit(draft, **{element: blank})
    assert ("REQUIRED_ELEMENT_MISSING", element) in issues(draft, "error")


def test_legal_basis_needs_a_named_law(draft):
    edit(draft, legal_basis=[{"name": " ", "article": "第一条"}])
    assert ("REQUIRED_ELEMENT_MISSING", "legal_basis") in issues(draft, "error")


def test_no_material_is_an_error(draft):
    edit(draft, materials=[])
    assert ("REQUIRED_ELEMENT_MISSING", "materials") in issues(draft, "error")


def test_time_limits_are_optional_for_immediate_items(draft):
    edit(draft, case_kind="1", legal_days=None, promised_days=None)
    assert not {e for c, e in issues(draft) if e in ("legal_days", "promised_days")}


@pytest.mark.parametrize("phrase", CATCH_ALL_PHRASES)
def test_catch_all_wording_in_a_material_is_an_error(draft, phrase):
    edit(draft, materials=[{"name": "申请书"}, {"name": f"窗口要求的{phrase}"}])
    assert ("CATCH_ALL_WORDING", "materials") in issues(draft, "error")


def test_catch_all_wording_in_conditions_is_an_error(draft):
    edit(draft, acceptance_conditions="符合条件，并提交有关部门要求的其他条件。")
    assert ("CATCH_ALL_WORDING", "acceptance_conditions") in issues(draft, "error")


def test_specific_material_names_pass(draft):
    edit(draft, materials=[{"name": "户口簿"}, {"name": "无犯罪记录证明"}])
    assert not {c for c, e in issues(draft) if c == "CATCH_ALL_WORDING"}


def test_promised_longer_than_legal_is_an_error_equal_is_a_warning(draft):
    edit(draft, promised_days=21)
    assert ("PROMISED_EXCEEDS_LEGAL", "promised_days") in issues(draft, "error")
    edit(draft, promised_days=20)
    assert ("PROMISED_EXCEEDS_LEGAL", "promised_days") not in issues(draft)
    assert ("NO_SPEED_UP", "promised_days") in issues(draft, "warning")
    edit(draft, promised_days=5)
    assert not issues(draft)


def test_a_fee_without_basis_is_an_error(draft):
    edit(draft, is_fee=True, fees=[{"name": "工本费", "standard": "10元", "basis": ""}])
    assert ("FEE_WITHOUT_BASIS", "fees") in issues(draft, "error")
    edit(draft, fees=[{"name": "工本费", "standard": "10元", "basis": "豫价费〔2019〕1号"}])
    assert not issues(draft)


def test_is_fee_without_fee_rows_is_an_error(draft):
    edit(draft, is_fee=True, fees=[])
    assert ("FEE_MISSING", "fees") in issues(draft, "error")


def test_depth_iv_with_visits_is_a_warning(draft):
    edit(draft, online_depth="4", visits=1)
    assert ("DEPTH_IV_WITH_VISITS", "visits") in issues(draft, "warning")
    edit(draft, visits=0)
    assert ("DEPTH_IV_WITH_VISITS", "visits") not in issues(draft)


def test_zero_visits_offline_without_express_is_a_warning(draft):
    edit(draft, visits=0, online_depth="2", handling_forms=["1"], supports_express=False)
    assert ("ZERO_VISITS_OFFLINE", "handling_forms") in issues(draft, "warning")
    edit(draft, supports_express=True)
    assert ("ZERO_VISITS_OFFLINE", "handling_forms") not in issues(draft)


def test_no_faq_is_a_warning(draft):
    edit(draft, faqs=[])
    assert issues(draft) == {("NO_FAQ", "faqs")}


def test_warnings_do_not_count_as_errors(draft):
    edit(draft, faqs=[], promised_days=20)
    assert issues(draft, "error") == set()


@pytest.fixture
def county_draft(world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=world.admin_xiangfu)
    return county.versions.get()


def test_an_inherited_county_draft_has_no_deviation(county_draft):
    assert issues(county_draft) == set()


@pytest.mark.parametrize(
    ("element", "change"),
    [
        ("acceptance_conditions", {"acceptance_conditions": "县里另有条件。"}),
        ("legal_basis", {"legal_basis": [{"name": "《某县规定》"}]}),
        ("legal_days", {"legal_days": 15}),
        ("materials", {"materials": [{"name": "申请书", "necessity": "1"}]}),
        (
            "materials",
            {
                "materials": [
                    {"name": "申请书", "necessity": "3"},
                    {"name": "营业执照复印件", "necessity": "1"},
                ]
            },
        ),
        ("fees", {"fees": [{"name": "工本费", "standard": "5元", "basis": "某文件"}]}),
        ("service_objects", {"service_objects": ["1"]}),
        ("result_name", {"result_name": "县级许可证"}),
    ],
)
def test_a_county_deviation_in_a_core_element_needs_a_reason(county_draft, element, change):
    assert element in CORE_ELEMENTS
    edit(county_draft, **change)
    assert ("DEVIATION_WITHOUT_REASON", element) in issues(county_draft, "error")
    edit(county_draft, deviation_reasons={element: "本县实际情况需要"})
    assert ("DEVIATION_WITHOUT_REASON", element) not in issues(county_draft)


def test_a_county_change_outside_core_elements_needs_no_reason(county_draft):
    edit(county_draft, promised_days=5, office_address="祥符区政务服务中心")
    assert issues(county_draft) == set()


def test_the_complete_factory_parts_pass(draft):
    edit(draft, **complete_guide(), **complete_parts())
    assert issues(draft) == set()
