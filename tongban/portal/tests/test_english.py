"""The English UI: every platform string is translated, and what stays Chinese is data marked ``lang="zh-CN"``.

Two guards: the committed catalogue (``en/LC_MESSAGES/django.po``) has an English ``msgstr`` for every msgid and
holds every msgid the code uses today (a fresh extraction finds nothing new); and the main pages of every persona,
rendered in English from the demo city, show no Han character outside an element marked ``lang="zh-CN"`` (catalog
texts, names of departments and places, people's names, what people typed). Left out: the ``<title>`` (it may
carry an item name and cannot hold markup), scripts, and ``<option>`` texts (lists of departments and places whose
first entry is UI text; the msgid checks above cover that UI text).
"""

from __future__ import annotations

import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

LOCALE = Path(settings.BASE_DIR) / "tongban" / "locale"
sys.path.insert(0, str(LOCALE))
from fill_en import PO_PATH, parse  # noqa: E402

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Attributes a person reads or hears (data-label is shown on phone cards by CSS).
READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-label")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SKIPPED = {"script", "style", "title", "option"}


def _untranslated(po_text: str) -> list[str]:
    return [
        entry.msgid
        for entry in parse(po_text)
        if (entry.msgid and (not all(value.strip() for value in entry.msgstr.values()) or not entry.msgstr))
        or any("fuzzy" in comment for comment in entry.comments if comment.startswith("#,"))
    ]


def test_every_msgid_in_the_english_catalogue_has_an_english_msgstr() -> None:
    missing = _untranslated(PO_PATH.read_text(encoding="utf-8"))
    assert not missing, (
        f"{len(missing)} msgids without English (add them to tongban/locale/en_parts/): {missing}"
    )


def test_the_untranslated_check_catches_an_empty_msgstr() -> None:
    po = 'msgid ""\nmsgstr ""\n\n#: x.html:1\nmsgid "办件"\nmsgstr ""\n\n#: y.html:2\nmsgid "首页"\nmsgstr "Home"\n'
    assert _untranslated(po) == ["办件"]


def test_the_english_catalogue_holds_every_msgid_the_code_uses(tmp_path: Path) -> None:
    """makemessages over a copy of the tree finds no msgid that the committed catalogue lacks."""
    source = Path(settings.BASE_DIR) / "tongban"
    copy = tmp_path / "tongban"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("vendor", "__pycache__", "*.mo", "media"))
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        cwd = Path.cwd()
        try:
            import os

            os.chdir(tmp_path)
            call_command("makemessages", locale=["en"], verbosity=0, ignore_patterns=["tests/*"])
        finally:
            os.chdir(cwd)
    fresh = {e.msgid for e in parse((copy / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text())}
    committed = {e.msgid for e in parse(PO_PATH.read_text(encoding="utf-8"))}
    new = sorted(fresh - committed)
    assert not new, (
        f"{len(new)} msgids are not in the committed catalogue; run makemessages, fill_en.py and "
        f"compilemessages (docs: BRIEF/translations): {new}"
    )


class _HanOutsideChinese(HTMLParser):
    """Collects text and read attributes with Han characters that no ``lang="zh-CN"`` element encloses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, Chinese here)
        self.leaks: list[str] = []

    def _chinese(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        lang = a.get("lang")
        chinese = lang.lower().startswith("zh") if lang is not None else self._chinese()
        if not chinese:
            for name in READ_ATTRIBUTES:
                if a.get(name) and HAN.search(str(a[name])):
                    self.leaks.append(f"<{tag} {name}={a[name]!r}>")
        if tag not in VOID:
            self.stack.append((tag, chinese))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if any(tag in SKIPPED for tag, _zh in self.stack):
            return
        if not self._chinese() and HAN.search(data):
            where = "/".join(tag for tag, _zh in self.stack[-3:])
            self.leaks.append(f"{where}: {data.strip()[:80]!r}")


def _leaks(html: str) -> list[str]:
    parser = _HanOutsideChinese()
    parser.feed(html)
    return parser.leaks


def test_the_han_check_sees_text_and_attributes_outside_lang_zh() -> None:
    html = (
        '<html lang="en"><title>办件</title><p>Apply <span lang="zh-CN">护照</span></p>'
        '<p title="提示">Hi</p><td data-label="状态">x</td><p>未翻译</p><img alt="图"><p lang="zh-CN">中文<b>粗</b></p></html>'
    )
    assert _leaks(html) == [
        "<p title='提示'>",
        "<td data-label='状态'>",
        "html/p: '未翻译'",
        "<img alt='图'>",
    ]


@pytest.fixture
def demo_city(db: None, settings) -> None:  # type: ignore[no-untyped-def]
    from tongban.notifications.services import deliver_pending

    settings.TONGBAN_DEMO = True
    call_command("load_demo", verbosity=0)
    deliver_pending(limit=1000)  # the demo's notices reach the in-app inbox, as the worker would deliver them


def _english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def _pages() -> dict[str, list[str]]:
    """The pages each persona opens, by demo username ("" for a visitor)."""
    from tongban.cases.models import Case

    numbered = Case.objects.filter(number__isnull=False).exclude(number="").order_by("id")
    citizen_case = numbered.filter(applicant_user__username="citizen").first()
    submitted = numbered.filter(state="submitted").first()
    any_case = numbered.filter(state="closed").first() or numbered.first()
    assert citizen_case and submitted and any_case, "the demo city ships sample cases"
    from tongban.catalog.models import Implementation

    guide = Implementation.objects.filter(current_version__isnull=False).order_by("code").first()
    assert guide is not None
    return {
        "": [
            "/",
            "/search/",
            f"/guide/{guide.code}/",
            f"/cases/progress/?number={any_case.number}&code={any_case.query_code}",
            "/cases/progress/?number=&code=",
            "/cases/disclosure/",
            "/accounts/login/",
            "/accounts/register/",
            "/guide/nope/",
        ],
        "citizen": [
            "/cases/my/",
            f"/cases/{citizen_case.number}/",
            "/cases/messages/",
            f"/cases/apply/{guide.code}/",
            "/accounts/profile/",
        ],
        "clerk": [
            "/accounts/workspace/",
            "/cases/inbox/",
            "/cases/window/",
            f"/cases/staff/{submitted.number}/",
            f"/cases/staff/{submitted.number}/pre-review/",
            "/cases/window/pickup/",
        ],
        "supervisor": ["/cases/supervision/"],
        "catalog_xiangfu": ["/catalog/admin/"],
    }


def test_english_pages_show_no_chinese_outside_catalog_data(demo_city: None) -> None:
    from tongban.accounts.models import User
    from tongban.notifications.models import InboxMessage

    assert InboxMessage.objects.filter(user__username="citizen").exists(), "the citizen has messages to read"
    problems: dict[str, list[str]] = {}
    for username, urls in _pages().items():
        client = _english(Client())
        if username:
            client.force_login(User.objects.get(username=username))
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 404, 422), (url, response.status_code)
            html = response.content.decode()
            assert '<html lang="en"' in html, url
            leaks = _leaks(html)
            if leaks:
                problems[f"{username or 'visitor'} {url}"] = sorted(set(leaks))
    assert not problems, "Chinese outside lang=zh-CN on English pages:\n" + "\n".join(
        f"{page}:\n  " + "\n  ".join(leaks) for page, leaks in problems.items()
    )


def _messages_shown(html: str) -> list[str]:
    """The error messages a page shows: the summary's items and every field's error text."""
    texts: list[str] = []
    for block in re.findall(r'<(?:li|span class="d-block")[^>]*>(.*?)</(?:li|span)>', html, flags=re.S):
        text = re.sub(r"<[^>]+>", "", block).strip()
        if text:
            texts.append(text)
    return texts


def test_chinese_pages_show_django_and_platform_messages_in_chinese(demo_city: None) -> None:
    """In the zh-Hans UI, every error a refused form shows is Chinese (Django's own messages included)."""
    from tongban.accounts.models import User

    citizen = Client()
    citizen.force_login(User.objects.get(username="citizen"))
    clerk = Client()
    clerk.force_login(User.objects.get(username="clerk"))
    refused = {
        "progress lookup": Client().get("/cases/progress/", {"number": "x" * 41, "code": ""}),
        "apply": citizen.post(
            "/cases/apply/11410200607356724L3002010008000/",
            {
                "action": "submit",
                "f-phone": "12",
                "f-id_number": "410202199001010019",
                "delivery-mode": "bogus",
            },
        ),
        "pickup": clerk.post("/cases/window/pickup/", {"number": "", "pickup_code": "x" * 50}),
        "window intake": clerk.post(
            "/cases/window/",
            {"code": "11410200458874623K3000117002000", "id_number": "123", "phone": "abc", "name": ""},
        ),
    }
    for name, response in refused.items():
        html = response.content.decode()
        assert 'id="error-summary"' in html, name
        assert "<title>错误：" in html, name
        shown = _messages_shown(html[html.index('id="error-summary"') :])
        assert shown, name
        english = [text for text in shown if not HAN.search(text)]
        assert not english, f"{name}: messages not in Chinese: {english}"
        assert "错误代码" not in html or name in ("pickup", "window intake"), (
            f"{name}: a citizen sees an error code"
        )
