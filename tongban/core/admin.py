"""Admin for the holiday calendar: system administrators enter each year's State Council notice here.

Listed days and years are read-only in the admin: every change goes through "录入放假通知" (paste → preview →
confirm), which calls :func:`tongban.core.services.do_enter_calendar_notice` so that the change is ledgered and
every open deadline that touched the year is recomputed.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tongban.core.calendar import is_provisional_year, is_working_day, next_year_warning
from tongban.core.calendar_notice import (
    WEEKDAY_NAMES,
    ParsedNotice,
    month_grids,
    parse_notice,
    statutory_split,
)
from tongban.core.choices import HolidayKind
from tongban.core.errors import DomainError
from tongban.core.forms import CalendarNoticeForm
from tongban.core.models import CalendarYear, Holiday
from tongban.core.services import do_enter_calendar_notice

ENTER_PERMISSION = "core.add_calendaryear"


class HolidayYearFilter(admin.SimpleListFilter):
    """Filter listed days by calendar year."""

    title = _("年份")
    parameter_name = "year"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        years = sorted({d.year for d in Holiday.objects.dates("date", "year")}, reverse=True)
        return [(str(year), f"{year}") for year in years]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Holiday]) -> QuerySet[Holiday]:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date__year=int(value))
        return queryset


class ReadOnlyAdmin(admin.ModelAdmin):
    """Listed, never edited here: changes go through the notice entry (ledgered, deadlines recomputed)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Holiday)
class HolidayAdmin(ReadOnlyAdmin):
    """Holidays (放假) and adjusted workdays (调休上班) as entered from the notices."""

    list_display = ("date", "weekday", "kind", "name", "notice_year", "source")
    list_filter = ("kind", HolidayYearFilter)
    search_fields = ("name", "source")
    date_hierarchy = "date"
    ordering = ("date",)

    @admin.display(description=_("星期"))
    def weekday(self, obj: Holiday) -> str:
        return WEEKDAY_NAMES[obj.date.weekday()]


@admin.register(CalendarYear)
class CalendarYearAdmin(ReadOnlyAdmin):
    """Years whose notice has been entered; every other year is provisional (statutory days only)."""

    list_display = ("year", "source", "holiday_count", "workday_count", "entered_by", "entered_at")
    search_fields = ("source",)
    change_list_template = "admin/core/calendaryear/change_list.html"

    @admin.display(description=_("放假天数"))
    def holiday_count(self, obj: CalendarYear) -> int:
        return Holiday.objects.filter(date__year=obj.year, kind=HolidayKind.HOLIDAY).count()

    @admin.display(description=_("调休上班天数"))
    def workday_count(self, obj: CalendarYear) -> int:
        return Holiday.objects.filter(date__year=obj.year, kind=HolidayKind.ADJUSTED_WORKDAY).count()

    def get_urls(self) -> list[URLPattern]:
        extra = [
            path(
                "enter-notice/",
                self.admin_site.admin_view(self.enter_notice_view),
                name="core_calendaryear_enter_notice",
            )
        ]
        return extra + super().get_urls()

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        context = {
            **(extra_context or {}),
            "calendar_warning": next_year_warning(timezone.localdate()),
            "can_enter_notice": request.user.has_perm(ENTER_PERMISSION),
        }
        return super().changelist_view(request, context)

    def enter_notice_view(self, request: HttpRequest) -> HttpResponse:
        """Paste a notice → preview (calendar, statutory days, flags) → confirm; saves only on confirm."""
        if not request.user.has_perm(ENTER_PERMISSION):
            raise PermissionDenied
        form = CalendarNoticeForm(request.POST if request.method == "POST" else None)
        context: dict[str, Any] = {}
        if form.is_bound and form.is_valid():
            action = request.POST.get("action", "preview")
            try:
                parsed = parse_notice(form.cleaned_data["text"], year=form.cleaned_data["year"])
            except DomainError as exc:
                form.add_error("year" if "year" in exc.fields else "text", str(exc.message))
                context["error_line"] = exc.fields.get("line")
            else:
                if action == "confirm":
                    saved = do_enter_calendar_notice(
                        parsed, actor=request.user, source=form.cleaned_data["source"]
                    )
                    messages.success(
                        request,
                        gettext("已录入%(year)s年的放假安排；重新计算了%(count)s个期限。")
                        % {"year": saved.year, "count": saved.recomputed},
                    )
                    return HttpResponseRedirect(reverse("admin:core_calendaryear_changelist"))
                if action != "edit":
                    context.update(_preview_context(parsed))
        if form.is_bound:
            context["numbered_lines"] = list(enumerate(str(form.data.get("text", "")).splitlines(), start=1))
        context.update(
            self.admin_site.each_context(request),
            opts=self.model._meta,
            title=gettext("录入放假通知"),
            form=form,
            calendar_warning=next_year_warning(timezone.localdate()),
        )
        return TemplateResponse(request, "admin/core/calendaryear/enter_notice.html", context)


def _preview_context(parsed: ParsedNotice) -> dict[str, Any]:
    """What the preview shows: the year as twelve months, the statutory days beside it, the changes, the flags."""
    year = parsed.year
    holidays = parsed.holidays
    statutory, make_up = statutory_split(year)
    rules = [
        {
            "day": day,
            "weekday": WEEKDAY_NAMES[day.weekday()],
            "name": name,
            "make_up": day in make_up,
            "off_in_notice": day in holidays,
        }
        for day, name in sorted({**statutory, **make_up}.items())
    ]
    changes = []
    day = date(year, 1, 1)
    while day.year == year:
        before, after = is_working_day(day), parsed.is_working(day)
        if before != after:
            changes.append({"day": day, "weekday": WEEKDAY_NAMES[day.weekday()], "after_working": after})
        day += timedelta(days=1)
    return {
        "parsed": parsed,
        "was_provisional": is_provisional_year(year),
        "months": month_grids(year, holidays, parsed.workdays),
        "weekday_names": WEEKDAY_NAMES,
        "rules": rules,
        "changes": changes,
    }
