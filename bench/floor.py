"""The floor every public-read bench is compared with: a bare Django view doing one indexed SELECT.

It goes through the same middleware, settings, gunicorn and database as the pages under test, so the ratio
page/floor says what our own code costs on top of Django itself (ARCHITECTURE §7).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, JsonResponse

from tongban.catalog.models import Implementation


def floor_view(request: HttpRequest, code: str) -> JsonResponse:
    """``Implementation`` by its unique 实施编码 (indexed), two columns, as JSON."""
    row = Implementation.objects.filter(code=code).values("code", "item__name").first()
    if row is None:
        raise Http404
    return JsonResponse(row, json_dumps_params={"ensure_ascii": False})


def floor_case_view(request: HttpRequest, number: str) -> JsonResponse:
    """``Case`` by its unique 办件编号 (indexed), two columns, as JSON: the floor of the 1M-case lookup bench."""
    from tongban.cases.models import Case

    row = Case.objects.filter(number=number).values("number", "state").first()
    if row is None:
        raise Http404
    return JsonResponse(row, json_dumps_params={"ensure_ascii": False})
