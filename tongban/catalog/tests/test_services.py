"""Services of ``catalog``: every transition, every refusal, immutability and inheritance from the city guide."""

from __future__ import annotations

import pytest

from tongban.catalog.choices import VersionStatus
from tongban.catalog.models import Faq, Fee, Implementation, ItemVersion, Material, SearchEntry
from tongban.catalog.services import (
    content_hash,
    do_create_implementation,
    do_create_item,
    do_publish_version,
    do_return_version,
    do_start_draft,
    do_submit_version,
    do_update_draft,
)
from tongban.catalog.tests.factories import complete_guide, complete_parts, publish
from tongban.core.errors import DomainError
from tongban.core.models import LedgerEntry

pytestmark = pytest.mark.django_db


def ledger_actions() -> list[str]:
    return list(LedgerEntry.objects.order_by("seq").values_list("action", flat=True))


def test_it_creates_an_item_with_a_ledger_entry(db):
    item = do_create_item(base_code="000105001000", name="内地居民婚姻登记", item_type="07", actor=None)
    assert item.pk and item.base_code == "000105001000"
    assert ledger_actions()[-1] == "catalog.item_created"


def test_it_refuses_an_invalid_base_code(db):
    with pytest.raises(DomainError) as exc:
        do_create_item(base_code="12AB", name="坏编码", item_type="01", actor=None)
    assert exc.value.code == "BASE_CODE_INVALID"
    assert not ledger_actions()


def test_it_refuses_a_second_item_with_the_same_base_code(world):
    before = len(ledger_actions())
    with pytest.raises(DomainError) as exc:
        do_create_item(base_code=world.item.base_code, name="重复", item_type="01", actor=None)
    assert exc.value.code == "ITEM_EXISTS"
    assert len(ledger_actions()) == before


def test_city_implementation_takes_code_region_and_level_from_the_department(world):
    impl = world.city_impl
    assert impl.code == world.city_dept.credit_code + "3" + world.item.base_code
    assert len(impl.code) == 31
    assert impl.region == world.tree.city and impl.level == "3" and impl.parent is None
    assert impl.current_version.number == 1 and impl.current_version.status == VersionStatus.PUBLISHED


def test_county_implementation_inherits_the_city_guide(world):
    city_version = world.city_impl.current_version
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=world.admin_xiangfu)
    assert county.parent == world.city_impl
    assert county.level == "4" and county.region == world.tree.xiangfu
    draft = county.versions.get()
    assert draft.status == VersionStatus.DRAFT and draft.number == 1
    assert draft.acceptance_conditions == city_version.acceptance_conditions
    assert draft.legal_basis == city_version.legal_basis
    assert list(draft.materials.values_list("name", flat=True)) == list(
        city_version.materials.values_list("name", flat=True)
    )
    assert draft.faqs.count() == city_version.faqs.count() == 1
    assert draft.deviation_reasons == {}
    # The city's rows are untouched: the county got copies.
    assert Material.objects.filter(version=city_version).count() == 2


def test_county_implementation_copies_fees(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(
        draft,
        actor=world.admin_city,
        fields={"is_fee": True},
        fees=[{"name": "工本费", "standard": "10元/本", "basis": "豫发改收费〔2020〕1号"}],
    )
    do_submit_version(draft, actor=world.admin_city)
    do_publish_version(draft, actor=world.admin_city2)
    county = do_create_implementation(world.item, world.lankao_dept, actor=world.admin_lankao)
    copy = county.versions.get()
    assert list(copy.fees.values_list("name", "basis")) == [("工本费", "豫发改收费〔2020〕1号")]
    assert copy.is_fee is True


def test_county_implementation_without_a_city_guide_starts_empty(world):
    item = do_create_item(base_code="000105001000", name="内地居民婚姻登记", item_type="07", actor=None)
    county = do_create_implementation(item, world.xiangfu_dept, actor=world.admin_xiangfu)
    assert county.parent is None
    assert county.versions.get().materials.count() == 0


def test_it_refuses_a_second_implementation_by_the_same_department(world):
    count = Implementation.objects.count()
    with pytest.raises(DomainError) as exc:
        do_create_implementation(world.item, world.city_dept, actor=world.admin_city)
    assert exc.value.code == "IMPLEMENTATION_EXISTS"
    assert Implementation.objects.count() == count


def test_start_draft_copies_the_published_version_as_the_next_number(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    assert draft.number == 2 and draft.status == VersionStatus.DRAFT
    assert draft.materials.count() == 2
    assert ledger_actions()[-1] == "catalog.draft_started"


def test_start_draft_refuses_when_a_draft_is_open(world):
    do_start_draft(world.city_impl, actor=world.admin_city)
    before = ItemVersion.objects.count()
    with pytest.raises(DomainError) as exc:
        do_start_draft(world.city_impl, actor=world.admin_city)
    assert exc.value.code == "OPEN_DRAFT_EXISTS" and exc.value.status == 409
    assert ItemVersion.objects.count() == before


def test_start_draft_refuses_without_a_published_version(world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=world.admin_xiangfu)
    with pytest.raises(DomainError) as exc:
        do_start_draft(county, actor=world.admin_xiangfu)
    assert exc.value.code in ("OPEN_DRAFT_EXISTS", "NO_PUBLISHED_VERSION")
    assert county.versions.count() == 1


def test_update_draft_changes_fields_and_replaces_lists(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(
        draft,
        actor=world.admin_city,
        fields={"promised_days": 5, "change_note": "压缩时限"},
        materials=[{"name": "申请书", "necessity": "1"}],
    )
    draft.refresh_from_db()
    assert draft.promised_days == 5 and draft.change_note == "压缩时限"
    assert list(draft.materials.values_list("name", flat=True)) == ["申请书"]
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry.action == "catalog.draft_updated" and "materials" in entry.data["changed"]


def test_update_draft_refuses_unknown_fields(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_update_draft(draft, actor=world.admin_city, fields={"status": "published"})
    assert exc.value.code == "VALIDATION_ERROR"
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT


def test_update_draft_refuses_invalid_choice_and_keeps_the_draft(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_update_draft(draft, actor=world.admin_city, fields={"case_kind": "7"})
    assert exc.value.code == "VALIDATION_ERROR" and "case_kind" in exc.value.fields
    draft.refresh_from_db()
    assert draft.case_kind == "2"


@pytest.mark.parametrize("status_action", ["submitted", "published"])
def test_update_draft_refuses_anything_but_a_draft(world, status_action):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_submit_version(draft, actor=world.admin_city)
    if status_action == "published":
        do_publish_version(draft, actor=world.admin_city2)
    with pytest.raises(DomainError) as exc:
        do_update_draft(draft, actor=world.admin_city, fields={"promised_days": 1}, materials=[])
    assert exc.value.code == "ITEM_VERSION_NOT_EDITABLE" and exc.value.status == 409
    draft.refresh_from_db()
    assert draft.promised_days == 10 and draft.materials.count() == 2


def test_submit_then_return_then_submit_again(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_submit_version(draft, actor=world.admin_city)
    draft.refresh_from_db()
    assert draft.status == VersionStatus.SUBMITTED and draft.submitted_at is not None
    do_return_version(draft, actor=world.admin_city, reason="材料名称不规范")
    draft.refresh_from_db()
    assert draft.status == VersionStatus.DRAFT and draft.submitted_at is None
    assert ledger_actions()[-1] == "catalog.version_returned"
    do_submit_version(draft, actor=world.admin_city)


def test_it_refuses_to_submit_a_submitted_version(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_submit_version(draft, actor=world.admin_city)
    before = len(ledger_actions())
    with pytest.raises(DomainError) as exc:
        do_submit_version(draft, actor=world.admin_city)
    assert exc.value.code == "ITEM_VERSION_TRANSITION_NOT_ALLOWED"
    assert len(ledger_actions()) == before


def test_it_refuses_to_return_a_draft_or_without_reason(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_return_version(draft, actor=world.admin_city, reason="原因")
    assert exc.value.code == "ITEM_VERSION_TRANSITION_NOT_ALLOWED"
    do_submit_version(draft, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_return_version(draft, actor=world.admin_city, reason="  ")
    assert exc.value.code == "RETURN_REASON_REQUIRED"
    draft.refresh_from_db()
    assert draft.status == VersionStatus.SUBMITTED


def test_it_refuses_to_publish_a_draft(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    with pytest.raises(DomainError) as exc:
        do_publish_version(draft, actor=world.admin_city2)
    assert exc.value.code == "ITEM_VERSION_TRANSITION_NOT_ALLOWED"
    world.city_impl.refresh_from_db()
    assert world.city_impl.current_version.number == 1


def test_publish_supersedes_the_previous_version_and_records_a_hash(world):
    first = world.city_impl.current_version
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(draft, actor=world.admin_city, fields={"promised_days": 8})
    do_submit_version(draft, actor=world.admin_city)
    do_publish_version(draft, actor=world.admin_city2)
    first.refresh_from_db()
    draft.refresh_from_db()
    world.city_impl.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert (
        draft.status == VersionStatus.PUBLISHED
        and draft.published_at
        and draft.published_by == world.admin_city2
    )
    assert world.city_impl.current_version == draft
    entry = LedgerEntry.objects.order_by("-seq").first()
    assert entry.action == "catalog.version_published"
    assert entry.data["number"] == 2 and entry.data["superseded"] == 1
    assert entry.data["content_sha256"] == content_hash(draft)


def test_publish_refuses_when_the_quality_check_has_errors(world):
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_update_draft(draft, actor=world.admin_city, fields={"promised_days": 30, "legal_basis": []})
    do_submit_version(draft, actor=world.admin_city)
    before = len(ledger_actions())
    with pytest.raises(DomainError) as exc:
        do_publish_version(draft, actor=world.admin_city2)
    assert exc.value.code == "GUIDE_QUALITY_FAILED"
    codes = {issue["code"] for issue in exc.value.fields["issues"]}
    assert codes == {"PROMISED_EXCEEDS_LEGAL", "REQUIRED_ELEMENT_MISSING"}
    draft.refresh_from_db()
    world.city_impl.refresh_from_db()
    assert draft.status == VersionStatus.SUBMITTED
    assert world.city_impl.current_version.number == 1
    assert len(ledger_actions()) == before


def test_publish_indexes_the_implementation_for_search(world):
    entry = SearchEntry.objects.get(implementation=world.city_impl)
    assert entry.name == "食品经营许可"
    assert "许可" in entry.segmented.split()


def test_a_published_version_cannot_be_saved(world):
    version = world.city_impl.current_version
    version.promised_days = 1
    with pytest.raises(DomainError) as exc:
        version.save()
    assert exc.value.code == "ITEM_VERSION_IMMUTABLE"
    version.refresh_from_db()
    assert version.promised_days == 10


def test_a_superseded_version_cannot_be_saved_or_deleted(world):
    first = world.city_impl.current_version
    draft = do_start_draft(world.city_impl, actor=world.admin_city)
    do_submit_version(draft, actor=world.admin_city)
    do_publish_version(draft, actor=world.admin_city2)
    first.refresh_from_db()
    first.status = VersionStatus.DRAFT
    with pytest.raises(DomainError):
        first.save(update_fields=["status"])
    with pytest.raises(DomainError):
        ItemVersion.objects.get(pk=first.pk).delete()
    assert ItemVersion.objects.get(pk=first.pk).status == VersionStatus.SUPERSEDED


@pytest.mark.parametrize("model", [Material, Fee, Faq])
def test_parts_of_a_published_version_cannot_change(world, model):
    version = world.city_impl.current_version
    data = {
        Material: {"name": "新增材料"},
        Fee: {"name": "费", "standard": "1元"},
        Faq: {"question": "问", "answer": "答"},
    }[model]
    with pytest.raises(DomainError) as exc:
        model.objects.create(version=version, **data)
    assert exc.value.code == "ITEM_VERSION_NOT_EDITABLE"
    material = version.materials.first()
    material.name = "改名"
    with pytest.raises(DomainError):
        material.save()
    with pytest.raises(DomainError):
        material.delete()
    assert version.materials.filter(name="改名").count() == 0 and version.materials.count() == 2
    assert (
        model.objects.filter(version=version, **{k: v for k, v in data.items() if k != "standard"}).count()
        == 0
    )


def test_factory_guide_is_complete():
    assert complete_guide()["legal_days"] == 20 and complete_parts()["materials"]


def test_county_publish_after_inheriting(world):
    county = do_create_implementation(world.item, world.xiangfu_dept, actor=world.admin_xiangfu)
    version = publish(county, world.admin_xiangfu)
    assert version.status == VersionStatus.PUBLISHED
