"""Admin for the holiday calendar: administrators enter each year's State Council notice here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from tongban.core.choices import HolidayKind
from tongban.core.models import CalendarYear, Holiday


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


@admin.register(Holiday)
class HolidayAdmin(admin.ModelAdmin):
    """Holidays (放假) and adjusted workdays (调休上班) from the notices; edits reach the calendar at once."""

    list_display = ("date", "weekday", "kind", "name", "source")
    list_filter = ("kind", HolidayYearFilter)
    search_fields = ("name", "source")
    date_hierarchy = "date"
    ordering = ("date",)

    @admin.display(description=_("星期"))
    def weekday(self, obj: Holiday) -> str:
        return "一二三四五六日"[obj.date.weekday()]


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    """Years whose notice has been entered; working-day maths refuses any other year."""

    list_display = ("year", "source", "holiday_count", "workday_count")
    search_fields = ("source",)

    @admin.display(description=_("放假天数"))
    def holiday_count(self, obj: CalendarYear) -> int:
        return Holiday.objects.filter(date__year=obj.year, kind=HolidayKind.HOLIDAY).count()

    @admin.display(description=_("调休上班天数"))
    def workday_count(self, obj: CalendarYear) -> int:
        return Holiday.objects.filter(date__year=obj.year, kind=HolidayKind.ADJUSTED_WORKDAY).count()
