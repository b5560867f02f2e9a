"""The service-item catalog: base directory items, implementation lists, versioned guides, flows."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tongban.catalog.choices import (
    CaseKind,
    CountersignMode,
    FlowKind,
    ItemType,
    MaterialFormat,
    MaterialNecessity,
    MaterialSource,
    MaterialType,
    OnlineDepth,
    PowerSource,
    ResultType,
    SubjectNature,
    VersionStatus,
)
from tongban.catalog.errors import ITEM_VERSION_IMMUTABLE, ITEM_VERSION_NOT_EDITABLE
from tongban.core.models import TimeStampedModel
from tongban.organizations.choices import ExerciseLevel


class Item(TimeStampedModel):
    """A base-directory item (基本目录事项) with its 12-character 基本编码; the same everywhere it is implemented."""

    base_code = models.CharField(_("基本编码"), max_length=12, unique=True)
    name = models.CharField(_("事项名称"), max_length=200, db_index=True)
    # The English name shown on the English UI and indexed for English search (decision record 0006).
    name_en = models.CharField(_("英文名称"), max_length=300, blank=True)
    item_type = models.CharField(_("事项类型"), max_length=2, choices=ItemType.choices)
    guiding_department = models.CharField(_("业务指导部门"), max_length=100, blank=True)
    description = models.TextField(_("事项说明"), blank=True)

    class Meta:
        verbose_name = _("基本目录事项")
        verbose_name_plural = _("基本目录事项")
        ordering = ["base_code"]

    def __str__(self) -> str:
        return f"{self.name}（{self.base_code}）"


class Implementation(TimeStampedModel):
    """An implementation-list entry (实施清单事项): one implementing body's implementation of an item.

    ``code`` is the 31-character 实施编码 = the body's 统一社会信用代码 + 行使层级 + 基本编码. A county implementation
    names the city implementation it derives from in ``parent``; its drafts start as a copy of the parent's
    published guide, and the quality check asks for a reason wherever a core element differs.
    """

    item = models.ForeignKey(
        Item, verbose_name=_("基本目录事项"), on_delete=models.PROTECT, related_name="implementations"
    )
    department = models.ForeignKey(
        "organizations.Department",
        verbose_name=_("实施主体"),
        on_delete=models.PROTECT,
        related_name="implementations",
    )
    region = models.ForeignKey(
        "organizations.Region",
        verbose_name=_("实施区划"),
        on_delete=models.PROTECT,
        related_name="implementations",
    )
    level = models.CharField(_("行使层级"), max_length=1, choices=ExerciseLevel.choices)
    code = models.CharField(_("实施编码"), max_length=31, unique=True)
    handle_item_code = models.CharField(_("业务办理项编码"), max_length=33, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级实施清单"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    current_version = models.OneToOneField(
        "ItemVersion",
        verbose_name=_("现行版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="current_for",
    )
    is_active = models.BooleanField(_("在用"), default=True)

    class Meta:
        verbose_name = _("实施清单事项")
        verbose_name_plural = _("实施清单事项")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "department"], name="implementation_unique_item_department"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item.name} · {self.department.name}"


class FlowTemplate(TimeStampedModel):
    """A BPMN 2.0 review flow (审批流程模板) that item versions name; run by SpiffWorkflow in ``cases``."""

    key = models.SlugField(_("标识"), max_length=60, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    kind = models.CharField(_("类型"), max_length=20, choices=FlowKind.choices)
    bpmn_xml = models.TextField(_("BPMN 定义"))
    process_id = models.CharField(_("流程标识"), max_length=100)
    description = models.TextField(_("说明"), blank=True)
    # Application-form fields the flow reads (a gateway condition on 情形, a script): [{"name", "type"?, "title"?}].
    # A version naming this flow cannot be published without them (``catalog.form_requirements``).
    form_fields = models.JSONField(_("流程使用的表单字段"), default=list, blank=True)
    # 岗位分离: one person may not complete two consecutive steps of a case (审核 then 决定) unless this is off.
    separation_of_duties = models.BooleanField(_("相邻环节须由不同人员办理"), default=True)

    class Meta:
        verbose_name = _("审批流程模板")
        verbose_name_plural = _("审批流程模板")

    def __str__(self) -> str:
        return self.name


class ItemVersion(TimeStampedModel):
    """One version of an implementation's service guide (办事指南) with every element of reference §2.1.

    Drafts are edited in place; SUBMITTED waits for review; PUBLISHED and SUPERSEDED versions never change
    (services refuse, and published versions are what cases point at).
    """

    implementation = models.ForeignKey(
        Implementation, verbose_name=_("实施清单事项"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("版本号"))
    status = models.CharField(
        _("状态"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    change_note = models.CharField(_("修订说明"), max_length=300, blank=True)

    # Basis and subject
    legal_basis = models.JSONField(
        _("设定依据"), default=list, blank=True
    )  # [{name, doc_number, article, content}]
    power_source = models.CharField(_("权力来源"), max_length=1, choices=PowerSource.choices, default="1")
    subject_nature = models.CharField(
        _("实施主体性质"), max_length=1, choices=SubjectNature.choices, default="1"
    )
    entrusted_department = models.CharField(_("委托部门"), max_length=100, blank=True)
    joint_departments = models.CharField(_("联办机构"), max_length=300, blank=True)
    service_objects = models.JSONField(_("服务对象"), default=list, blank=True)  # ServiceObject codes
    acceptance_conditions = models.TextField(_("受理条件"), blank=True)
    prohibited_conditions = models.TextField(_("禁止性要求"), blank=True)
    handling_flow = models.TextField(_("办理流程"), blank=True)
    quantity_limit = models.CharField(_("数量限制"), max_length=300, blank=True)

    # Time limits, in working days (行政许可法 §82)
    legal_days = models.PositiveIntegerField(_("法定办结时限（工作日）"), null=True, blank=True)
    legal_days_note = models.CharField(_("法定时限说明"), max_length=300, blank=True)
    promised_days = models.PositiveIntegerField(_("承诺办结时限（工作日）"), null=True, blank=True)
    promised_days_note = models.CharField(_("承诺时限说明"), max_length=300, blank=True)
    acceptance_days = models.PositiveIntegerField(_("受理时限（工作日）"), default=5)

    # Handling
    case_kind = models.CharField(
        _("办件类型"), max_length=1, choices=CaseKind.choices, default=CaseKind.PROMISED
    )
    handling_forms = models.JSONField(_("办理形式"), default=list, blank=True)  # HandlingForm codes
    online_depth = models.CharField(_("网上办理深度"), max_length=1, choices=OnlineDepth.choices, default="3")
    online_url = models.CharField(_("网上办理地址"), max_length=300, blank=True)
    visits = models.PositiveSmallIntegerField(_("到办事现场次数"), default=1)
    visits_reason = models.CharField(_("必须现场办理原因说明"), max_length=300, blank=True)
    delivery_modes = models.JSONField(_("送达方式"), default=list, blank=True)  # DeliveryMode values
    special_procedures = models.TextField(_("特别程序"), blank=True)
    supports_appointment = models.BooleanField(_("支持预约办理"), default=False)
    supports_online_payment = models.BooleanField(_("支持网上支付"), default=False)
    supports_express = models.BooleanField(_("支持物流快递"), default=False)
    supports_kiosk = models.BooleanField(_("支持自助终端办理"), default=False)
    in_hall = models.BooleanField(_("进驻政务大厅"), default=True)
    handle_area = models.CharField(_("通办范围"), max_length=50, blank=True)

    # Result
    result_type = models.CharField(
        _("审批结果类型"), max_length=20, choices=ResultType.choices, default="licence"
    )
    result_name = models.CharField(_("审批结果名称"), max_length=200, blank=True)
    result_sample = models.FileField(_("结果样本"), upload_to="catalog/samples/", blank=True)
    # Approval of this item produces an electronic licence of this type (GB/T 36902 证照类型代码); the
    # `licenses` app issues it in the decision's transaction. Blank: the result is not an electronic licence.
    license_type_code = models.CharField(
        _("办理结果证照类型代码"),
        max_length=24,
        blank=True,
        help_text=_("审批通过后签发此类型的电子证照；留空表示不签发电子证照。"),
    )

    # Fees
    is_fee = models.BooleanField(_("是否收费"), default=False)

    # Contact
    consult_phone = models.CharField(_("咨询方式"), max_length=200, blank=True)
    complaint_phone = models.CharField(_("监督投诉方式"), max_length=200, blank=True)
    office_address = models.CharField(_("办理地点"), max_length=300, blank=True)
    office_hours = models.CharField(_("办理时间"), max_length=300, blank=True)

    # Lists (清单) the item belongs to
    one_visit = models.BooleanField(_("一次办妥"), default=False)
    commitment = models.BooleanField(_("告知承诺制"), default=False)
    commitment_text = models.TextField(_("告知承诺书内容"), blank=True)
    tolerance = models.BooleanField(_("容缺受理"), default=False)
    intermediary = models.BooleanField(_("涉及中介服务"), default=False)
    intermediary_note = models.CharField(_("中介服务说明"), max_length=300, blank=True)
    accept_on_receipt = models.BooleanField(_("收件即受理"), default=False)

    # 办件公示: whether this item's cases are listed (applicant masked) on the public disclosure page. Off by
    # default: matters of a natural person that reveal personal circumstances (户口迁移, 无犯罪记录证明) stay private.
    disclose_cases = models.BooleanField(
        _("办件公示"),
        default=False,
        help_text=_(
            "勾选后，本事项的办件（申请人姓名已遮盖）在“办件公示”页面公开。涉及个人户籍、婚姻、健康、犯罪记录等个人情况的事项不应公示。"
        ),
    )

    # Topics for the portal
    person_topics = models.JSONField(_("面向自然人主题"), default=list, blank=True)
    enterprise_topics = models.JSONField(_("面向法人主题"), default=list, blank=True)

    # Case engine inputs
    form_schema = models.JSONField(_("申请表单（JSON Schema）"), default=dict, blank=True)
    flow_template = models.ForeignKey(
        FlowTemplate,
        verbose_name=_("审批流程"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    review_departments = models.ManyToManyField(
        "organizations.Department", verbose_name=_("并联审批部门"), blank=True, related_name="+"
    )
    countersign_mode = models.CharField(
        _("并联方式"), max_length=10, choices=CountersignMode.choices, default=CountersignMode.ALL
    )

    # Reasons a county implementation differs from the city base in a core element: {element: reason}
    deviation_reasons = models.JSONField(_("差异说明"), default=dict, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("办事指南版本")
        verbose_name_plural = _("办事指南版本")
        ordering = ["implementation", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["implementation", "number"], name="itemversion_unique_number"),
            # At most one draft/submitted version per implementation at a time.
            models.UniqueConstraint(
                fields=["implementation"],
                condition=models.Q(status__in=["draft", "submitted"]),
                name="itemversion_one_open_draft",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.implementation} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Published and superseded versions are what cases point at: the only change ever allowed is the
        # status flip PUBLISHED → SUPERSEDED done by the publish service.
        if self.pk is not None and not self._state.adding:
            stored = ItemVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored in (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED):
                update_fields = set(kwargs.get("update_fields") or ())
                superseding = (
                    stored == VersionStatus.PUBLISHED
                    and self.status == VersionStatus.SUPERSEDED
                    and update_fields
                    and update_fields <= {"status", "updated_at"}
                )
                if not superseding:
                    raise ITEM_VERSION_IMMUTABLE.error()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.status in (VersionStatus.PUBLISHED, VersionStatus.SUPERSEDED):
            raise ITEM_VERSION_IMMUTABLE.error()
        return super().delete(*args, **kwargs)

    @property
    def is_editable(self) -> bool:
        return self.status == VersionStatus.DRAFT

    # Fields that are bookkeeping, not guide content: never copied, compared or edited as elements.
    NON_GUIDE_FIELDS = frozenset(
        {
            "id",
            "implementation",
            "number",
            "status",
            "change_note",
            "deviation_reasons",
            "created_by",
            "submitted_at",
            "submitted_by",
            "published_at",
            "published_by",
            "created_at",
            "updated_at",
            "review_departments",
        }
    )

    @classmethod
    def guide_field_names(cls) -> list[str]:
        """Names of the concrete (non-M2M) fields that make up the guide content, in model order."""
        return [f.name for f in cls._meta.concrete_fields if f.name not in cls.NON_GUIDE_FIELDS]


class GuidePartMixin(models.Model):
    """Refuses to change a material, fee or FAQ unless its version is a draft (published guides never change)."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        self._check_version_editable()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        self._check_version_editable()
        return super().delete(*args, **kwargs)

    def _check_version_editable(self) -> None:
        stored = ItemVersion.objects.filter(pk=self.version_id).values_list("status", flat=True).first()  # type: ignore[attr-defined]
        if stored is not None and stored != VersionStatus.DRAFT:
            raise ITEM_VERSION_NOT_EDITABLE.error()


class Material(GuidePartMixin):
    """A required or optional application material (申请材料) of one guide version."""

    version = models.ForeignKey(
        ItemVersion, verbose_name=_("版本"), on_delete=models.CASCADE, related_name="materials"
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    name = models.CharField(_("材料名称"), max_length=300)
    material_type = models.CharField(_("材料类型"), max_length=1, choices=MaterialType.choices, default="3")
    source = models.CharField(
        _("来源渠道"), max_length=20, choices=MaterialSource.choices, default="applicant"
    )
    source_note = models.CharField(_("来源说明"), max_length=300, blank=True)
    originals = models.PositiveSmallIntegerField(_("原件份数"), default=0)
    copies = models.PositiveSmallIntegerField(_("复印件份数"), default=0)
    material_format = models.CharField(
        _("材料形式"), max_length=1, choices=MaterialFormat.choices, default="3"
    )
    paper_spec = models.CharField(_("纸质规格"), max_length=50, blank=True)
    necessity = models.CharField(_("必要性"), max_length=1, choices=MaterialNecessity.choices, default="1")
    blank_form = models.FileField(_("空白表格"), upload_to="catalog/forms/", blank=True)
    sample = models.FileField(_("示例样表"), upload_to="catalog/samples/", blank=True)
    fill_notes = models.TextField(_("填报须知"), blank=True)
    accept_standard = models.TextField(_("受理标准"), blank=True)
    basis = models.CharField(_("要求提供材料的依据"), max_length=300, blank=True)
    exempt_if_shared = models.BooleanField(_("可通过共享免提交"), default=False)
    # 免证可办: an electronic licence of this type replaces the material; the applicant picks one of their
    # licences instead of uploading a copy.
    license_type_code = models.CharField(
        _("可用电子证照替代"),
        max_length=24,
        blank=True,
        help_text=_("填写可替代本材料的电子证照类型代码；申请人选用该类证照即可免提交。"),
    )
    # The application form itself (申请表): on an online application the platform renders the submitted form as
    # this material's PDF at submission, so it is never demanded as an upload.
    generated_from_form = models.BooleanField(
        _("由在线填报内容自动生成"),
        default=False,
        help_text=_("网上申请时由系统根据在线填报内容生成，无需申请人另行上传。"),
    )

    class Meta:
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")
        ordering = ["version", "order", "id"]

    def __str__(self) -> str:
        return self.name


class Fee(GuidePartMixin):
    """A fee (收费项目) of one guide version; ``basis`` is required by the quality check."""

    version = models.ForeignKey(
        ItemVersion, verbose_name=_("版本"), on_delete=models.CASCADE, related_name="fees"
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    name = models.CharField(_("收费项目名称"), max_length=200)
    standard = models.CharField(_("收费标准"), max_length=300)
    basis = models.CharField(_("收费依据"), max_length=300, blank=True)
    reducible = models.BooleanField(_("允许减免"), default=False)
    reduction_basis = models.CharField(_("减免依据"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("收费项目")
        verbose_name_plural = _("收费项目")
        ordering = ["version", "order", "id"]

    def __str__(self) -> str:
        return self.name


class Faq(GuidePartMixin):
    """A frequently asked question (常见问题) of one guide version."""

    version = models.ForeignKey(
        ItemVersion, verbose_name=_("版本"), on_delete=models.CASCADE, related_name="faqs"
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    question = models.CharField(_("问题"), max_length=300)
    answer = models.TextField(_("解答"))

    class Meta:
        verbose_name = _("常见问题")
        verbose_name_plural = _("常见问题")
        ordering = ["version", "order", "id"]

    def __str__(self) -> str:
        return self.question


class SearchEntry(models.Model):
    """The search-index row (检索索引) of one published implementation (decision record 0006).

    ``segmented`` is jieba ``cut_for_search`` output joined by spaces; SQLite indexes it in the FTS5 table
    ``catalog_search_fts`` (rowid = implementation id), PostgreSQL in the generated ``search_vector`` column
    (``to_tsvector('simple', segmented)``, GIN). ``name`` and ``text`` serve substring matches (pg_trgm on
    PostgreSQL). Rows are written only by :func:`tongban.catalog.services.update_search_entry`.
    """

    implementation = models.OneToOneField(
        Implementation,
        verbose_name=_("实施清单事项"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    name = models.CharField(_("事项名称"), max_length=200)
    text = models.TextField(_("检索原文"), blank=True)
    segmented = models.TextField(_("分词文本"), blank=True)
    # The segmented name plus its aliases, space-padded (" 最低 生活 保障 低保 "), for ranking name-word matches.
    name_terms = models.TextField(_("名称词"), blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("检索索引")
        verbose_name_plural = _("检索索引")

    def __str__(self) -> str:
        return self.name


class PublishingRule(TimeStampedModel):
    """A publishing rule (发布规则) for a region subtree or an exercise level: is a second administrator needed?

    Publishing needs a second catalog administrator of the same scope (双人复核, decision record 0005) unless the
    most specific rule that covers the implementation says otherwise: a rule on the implementation's region or
    its nearest ancestor first, then a rule on its level, then ``settings.TONGBAN_CATALOG_FOUR_EYES`` (default
    on). A county with a single catalog administrator gets ``second_admin_required=False``; its publications are
    still ledgered, marked as made without a second administrator. Rows are written only by
    :func:`tongban.catalog.services.do_set_publishing_rule`.
    """

    region = models.ForeignKey(
        "organizations.Region",
        verbose_name=_("区划"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    level = models.CharField(_("行使层级"), max_length=1, choices=ExerciseLevel.choices, blank=True)
    second_admin_required = models.BooleanField(_("须由第二名事项管理员发布"), default=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("发布规则")
        verbose_name_plural = _("发布规则")
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(region__isnull=False),
                name="publishingrule_one_per_region",
            ),
            models.UniqueConstraint(
                fields=["level"], condition=models.Q(region__isnull=True), name="publishingrule_one_per_level"
            ),
            models.CheckConstraint(
                condition=models.Q(region__isnull=False) | ~models.Q(level=""),
                name="publishingrule_has_scope",
            ),
        ]

    def __str__(self) -> str:
        scope = str(self.region) if self.region_id else self.get_level_display()
        return f"{scope}：{'双人复核' if self.second_admin_required else '单人发布'}"
