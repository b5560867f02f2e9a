"""Views of the public portal: home, search, guide, PDF, elderly mode and language."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tongban.accounts.testing import make_department as make_accounts_department
from tongban.accounts.testing import make_region_tree
from tongban.catalog.models import Implementation
from tongban.catalog.queries import get_published_implementation
from tongban.catalog.services import (
    do_create_implementation,
    do_publish_version,
    do_start_draft,
    do_submit_version,
    do_update_draft,
)
from tongban.portal.middleware import ELDERLY_COOKIE
from tongban.portal.pdf import render_guide_html
from tongban.portal.tests.factories import make_published, publisher_for

pytestmark = pytest.mark.django_db


def text_of(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


# --- home ----------------------------------------------------------------------------------------------------


def test_home_shows_search_box_and_services_by_department_and_life_event(
    client: Client, small_catalog
) -> None:
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    html = text_of(response)
    assert 'name="q"' in html
    assert "开封市民政局" in html and "开封市公安局" in html
    assert "出境入境" in html and "婚姻登记" in html  # person topics
    assert "设立变更" in html  # enterprise topic
    assert "普通护照签发" in html
    assert "未发布的草稿事项" not in html


def test_home_works_with_an_empty_catalog(client: Client) -> None:
    response = client.get(reverse("portal:home"))
    assert response.status_code == 200
    assert "暂无已发布的事项" in text_of(response)


def test_home_header_has_skip_link_language_switch_and_elderly_toggle(client: Client) -> None:
    html = text_of(client.get(reverse("portal:home")))
    assert 'href="#main"' in html
    assert reverse("set_language") in html
    assert reverse("portal:elderly_toggle") in html
    assert "12345" in html


# --- search --------------------------------------------------------------------------------------------------


def test_search_finds_a_service_by_a_two_character_query(client: Client, small_catalog) -> None:
    response = client.get(reverse("portal:search"), {"q": "护照"})
    assert response.status_code == 200
    html = text_of(response)
    assert "普通护照签发" in html
    assert "结婚登记" not in html
    assert reverse("portal:guide", args=[small_catalog[0].code]) in html


def test_search_filters_by_department_and_type(client: Client, small_catalog) -> None:
    civil = small_catalog[1].department
    html = text_of(client.get(reverse("portal:search"), {"department": civil.pk, "type": "05"}))
    assert "最低生活保障金给付" in html
    assert "结婚登记" not in html
    assert "普通护照签发" not in html
    assert "未发布的草稿事项" not in html


def test_search_without_results_is_a_helpful_page(client: Client, small_catalog) -> None:
    response = client.get(reverse("portal:search"), {"q": "火星移民"})
    assert response.status_code == 200
    html = text_of(response)
    assert "没有找到" in html
    assert "12345" in html
    assert "?q=%E6%8A%A4%E7%85%A7" in html  # a suggestion to try 护照


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 500},
        {"q": "'; DROP TABLE catalog_item; --"},
        {"q": "护照\x01\x7f"},
        {"q": "%%%___"},
        {"department": "abc", "region": "-1", "type": "zz", "level": "<script>", "page": "-5"},
        {"page": "99999999999999999999"},
        {"q": "<b>护照</b>"},
    ],
)
def test_search_survives_junk_input(client: Client, small_catalog, params) -> None:
    response = client.get(reverse("portal:search"), params)
    assert response.status_code == 200
    html = text_of(response)
    assert "<b>护照</b>" not in html  # echoed input is escaped
    assert "<script>" not in html.split('id="main"', 1)[1]


def test_search_paginates(client: Client, passport) -> None:
    for n in range(21):
        make_published(f"测试事项{n:02d}", department=passport.department)
    first = text_of(client.get(reverse("portal:search"), {"q": "测试事项"}))
    assert "共找到 21 项服务" in first
    assert "page=2" in first
    second = text_of(client.get(reverse("portal:search"), {"q": "测试事项", "page": "2"}))
    assert "测试事项20" in second
    assert "测试事项00" not in second


def test_htmx_search_returns_only_the_results_partial(client: Client, small_catalog) -> None:
    response = client.get(reverse("portal:search"), {"q": "护照"}, headers={"HX-Request": "true"})
    html = text_of(response)
    assert "普通护照签发" in html
    assert "<html" not in html
    assert 'id="tb-search-results"' in html


# --- guide ---------------------------------------------------------------------------------------------------


def test_guide_shows_every_element_of_the_published_version(client: Client, passport: Implementation) -> None:
    response = client.get(reverse("portal:guide", args=[passport.code]))
    assert response.status_code == 200
    html = text_of(response)
    for expected in [
        "普通护照签发",
        passport.item.base_code,
        passport.code,
        "中华人民共和国护照法",
        "主席令第50号",
        "第五条",
        "申请人为本市户籍居民",
        "被判处刑罚正在服刑的",
        "居民身份证",
        "容缺后补",
        "可共享免提交",
        "护照工本费",
        "发改价格〔2017〕1186号",
        "20 个工作日",
        "7 个工作日",
        "本人承诺所填信息真实有效",
        "0371-22222222",
        "0371-33333333",
        "开封市市民之家二楼出入境窗口",
        "护照有效期多久",
        "第 1 版",
        "窗口办理",
        "邮寄送达",
        "Ⅳ级：全程网办",
        reverse("portal:guide_pdf", args=[passport.code]),
    ]:
        assert expected in html, expected


@pytest.mark.parametrize("code", ["nope", "1" * 31, "<script>"])
def test_unknown_guide_is_a_chinese_404(client: Client, db, code) -> None:
    response = client.get(f"/guide/{code}/")
    assert response.status_code == 404
    assert "找不到" in text_of(response)


def test_a_guide_code_with_junk_after_its_31_characters_is_a_404(client: Client, passport) -> None:
    assert client.get(f"/guide/{passport.code}/").status_code == 200
    for junk in ("X", "0", "-copy"):
        assert client.get(f"/guide/{passport.code}{junk}/").status_code == 404, junk


@pytest.mark.parametrize("code", ["%00", "a%00b", "%0A"])
def test_a_guide_code_with_control_characters_is_refused_not_a_server_error(client: Client, db, code) -> None:
    # The core middleware answers 400 first; without it the portal view itself answers 404.
    for url in (f"/guide/{code}/", f"/guide/{code}/pdf/", f"/guide/{code}/result-sample/"):
        assert client.get(url).status_code in (400, 404), url


def test_the_guide_view_refuses_control_characters_itself(rf, db) -> None:
    from django.http import Http404

    from tongban.portal.views import guide

    request = rf.get("/guide/x/")
    with pytest.raises(Http404):
        guide(request, "a\x00b")


def test_search_with_a_nul_byte_is_refused_not_a_server_error(client: Client, small_catalog) -> None:
    assert client.get(reverse("portal:search"), {"q": "护照\x00"}).status_code in (200, 400)


def test_unpublished_guide_is_a_404(client: Client, small_catalog) -> None:
    draft = small_catalog[-1]
    assert client.get(reverse("portal:guide", args=[draft.code])).status_code == 404
    assert client.get(reverse("portal:guide_pdf", args=[draft.code])).status_code == 404


# --- PDF -----------------------------------------------------------------------------------------------------


def test_guide_pdf_is_an_attachment_with_the_chinese_name_embedded(
    client: Client, passport, tmp_path
) -> None:
    response = client.get(reverse("portal:guide_pdf", args=[passport.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E6%99%AE%E9%80%9A" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")
    # The Chinese text must come back out of the PDF (proves the CJK font is embedded). `make test` installs
    # poppler-utils; without pdftotext this fails rather than skipping the check.
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: run `make test` to install it"
    path = tmp_path / "guide.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert "普通护照签发" in text
    assert "居民身份证" in text


def test_guide_pdf_carries_the_demo_watermark_only_in_demo_mode(passport, settings) -> None:
    # poppler's pdftotext drops the diagonal watermark, so the check is on the HTML WeasyPrint renders.
    impl = get_published_implementation(passport.code)
    settings.TONGBAN_DEMO = True
    assert 'class="watermark"' in render_guide_html(impl)
    settings.TONGBAN_DEMO = False
    assert 'class="watermark"' not in render_guide_html(impl)


def test_guide_pdf_is_rendered_once_per_published_version(client: Client, passport, monkeypatch) -> None:
    first = client.get(reverse("portal:guide_pdf", args=[passport.code])).content

    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("rendered twice")

    monkeypatch.setattr("tongban.portal.pdf.render_guide_html", fail)
    assert client.get(reverse("portal:guide_pdf", args=[passport.code])).content == first


# --- elderly mode and language -------------------------------------------------------------------------------


def test_elderly_toggle_sets_a_persistent_cookie_and_redirects_back(client: Client, passport) -> None:
    guide_url = reverse("portal:guide", args=[passport.code])
    response = client.post(reverse("portal:elderly_toggle"), {"mode": "on", "next": guide_url})
    assert response.status_code == 303
    assert response["Location"] == guide_url
    cookie = response.cookies[ELDERLY_COOKIE]
    assert cookie.value == "1"
    assert int(cookie["max-age"]) >= 364 * 24 * 3600
    assert 'class="elderly"' in text_of(client.get(reverse("portal:home")))
    assert 'class="elderly"' in text_of(client.get(guide_url))


def test_elderly_toggle_off_clears_the_cookie(client: Client, db) -> None:
    client.cookies[ELDERLY_COOKIE] = "1"
    response = client.post(reverse("portal:elderly_toggle"), {"mode": "off"})
    assert response.cookies[ELDERLY_COOKIE].value == ""
    assert 'class="elderly"' not in text_of(client.get(reverse("portal:home")))


def test_elderly_toggle_refuses_an_offsite_next(client: Client, db) -> None:
    response = client.post(reverse("portal:elderly_toggle"), {"mode": "on", "next": "https://evil.example/"})
    assert response["Location"] == reverse("portal:home")


def test_elderly_toggle_is_post_only(client: Client, db) -> None:
    response = client.get(reverse("portal:elderly_toggle"))
    assert response.status_code == 405
    assert ELDERLY_COOKIE not in response.cookies


def test_switching_to_english_shows_english_headings(client: Client, small_catalog) -> None:
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = text_of(client.get(reverse("portal:home")))
    assert '<html lang="en"' in html
    assert "Popular services" in html
    assert "Search" in html
    assert "热门服务" not in html


def test_a_stale_form_gets_a_chinese_csrf_page(db) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("portal:elderly_toggle"), {"mode": "on"})
    assert response.status_code == 403
    assert "页面已过期" in text_of(response)
    assert ELDERLY_COOKIE not in response.cookies


def test_header_forms_do_not_capture_the_pages_own_submit_button(client: Client, db) -> None:
    # Scripts and the e2e login helper click the first "button[type=submit]"; it must be the page's own form.
    html = text_of(client.get(reverse("portal:home")))
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert 'type="submit"' not in header


def test_a_materials_blank_form_downloads_from_the_guide(client: Client, db) -> None:
    impl = make_published("护照加注")
    draft_material = {
        "name": "加注申请表",
        "necessity": "1",
        "blank_form": ContentFile(b"form-bytes", name="form.docx"),
    }
    other = make_published("出入境证件遗失报失")
    draft = do_start_draft(impl, actor=None)
    do_update_draft(draft, actor=None, materials=[draft_material])
    do_submit_version(draft, actor=None)
    do_publish_version(draft, actor=publisher_for(draft.implementation))
    impl.refresh_from_db()
    material = impl.current_version.materials.get()

    html = text_of(client.get(reverse("portal:guide", args=[impl.code])))
    url = reverse("portal:guide_file", args=[impl.code, "blank_form", material.pk])
    assert url in html
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"form-bytes"
    assert response["Content-Disposition"].startswith("attachment")
    # The same material through another guide, a missing sample, or an unknown kind: not found.
    assert (
        client.get(reverse("portal:guide_file", args=[other.code, "blank_form", material.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("portal:guide_file", args=[impl.code, "sample", material.pk])).status_code == 404
    )
    assert client.get(reverse("portal:guide_file", args=[impl.code, "basis", material.pk])).status_code == 404
    assert client.get(reverse("portal:guide_result_sample", args=[impl.code])).status_code == 404


def test_guide_links_to_the_same_service_in_other_places(client: Client, passport) -> None:
    lankao_police = make_accounts_department("兰考县公安局", "公安", region=make_region_tree().lankao)
    county = do_create_implementation(passport.item, lankao_police, actor=None)
    draft = county.versions.get()
    do_submit_version(draft, actor=None)
    do_publish_version(draft, actor=publisher_for(draft.implementation))
    html = text_of(client.get(reverse("portal:guide", args=[passport.code])))
    assert reverse("portal:guide", args=[county.code]) in html
    assert "兰考县" in html


def test_no_template_comment_leaks_into_the_page(client: Client, passport) -> None:
    for url in (
        reverse("portal:home"),
        reverse("portal:guide", args=[passport.code]),
        reverse("portal:search"),
    ):
        html = text_of(client.get(url))
        assert "{#" not in html and "#}" not in html and "{%" not in html, url


def test_an_immediate_service_says_done_on_the_spot_not_zero_days(client: Client, db) -> None:
    impl = make_published("居住证签注", case_kind="1", promised_days=0, legal_days=1)
    assert "当场办结" in text_of(client.get(reverse("portal:guide", args=[impl.code])))
    html = text_of(client.get(reverse("portal:search"), {"q": "居住证"}))
    assert "当场办结" in html
    assert "承诺 0 个工作日" not in html


def test_home_has_a_progress_lookup_form_when_the_cases_app_offers_one(client: Client, db) -> None:
    html = text_of(client.get(reverse("portal:home")))
    try:
        progress_url = reverse("cases:progress")
    except NoReverseMatch:  # the cases app is optional for the portal
        assert 'id="tb-home-number"' not in html
        return
    assert f'action="{progress_url}"' in html
    assert 'name="number"' in html and 'name="code"' in html


def test_home_region_switch_narrows_the_lists_to_one_county(client: Client, passport) -> None:
    lankao_police = make_accounts_department("兰考县公安局", "公安", region=make_region_tree().lankao)
    county_only = make_published("兰考县特色事项", department=lankao_police, person_topics=["travel"])
    whole_city = text_of(client.get(reverse("portal:home")))
    assert 'name="region"' in whole_city
    assert "普通护照签发" in whole_city and "兰考县特色事项" in whole_city

    lankao = text_of(client.get(reverse("portal:home"), {"region": county_only.region.code}))
    assert "兰考县特色事项" in lankao
    assert "普通护照签发" not in lankao
    assert f'value="{county_only.region.code}" selected' in lankao

    junk = text_of(client.get(reverse("portal:home"), {"region": "'; --"}))
    assert "普通护照签发" in junk and "兰考县特色事项" in junk


def test_a_newly_published_version_replaces_the_cached_guide(client: Client, passport) -> None:
    url = reverse("portal:guide", args=[passport.code])
    assert "近期免冠照片" in text_of(client.get(url))  # renders and caches version 1
    draft = do_start_draft(passport, actor=None)
    do_update_draft(draft, actor=None, materials=[{"name": "新版申请表", "necessity": "1", "originals": 1}])
    do_submit_version(draft, actor=None)
    do_publish_version(draft, actor=publisher_for(draft.implementation))
    html = text_of(client.get(url))
    assert "新版申请表" in html
    assert "近期免冠照片" not in html
    assert "第 2 版" in html


def test_a_page_past_the_end_shows_the_last_page(client: Client, passport) -> None:
    for n in range(21):
        make_published(f"测试事项{n:02d}", department=passport.department)
    html = text_of(client.get(reverse("portal:search"), {"q": "测试事项", "page": "99"}))
    assert "测试事项20" in html
    assert "没有找到" not in html
    browse = text_of(
        client.get(reverse("portal:search"), {"department": passport.department.pk, "page": "99"})
    )
    assert "没有符合条件的服务" not in browse


def test_search_groups_an_items_places_and_shows_the_searchers_county_first(client: Client, passport) -> None:
    from tongban.accounts.testing import make_department as make_dept
    from tongban.accounts.testing import make_region_tree
    from tongban.catalog.services import do_create_implementation

    tree = make_region_tree()
    county_police = make_dept("祥符区公安局", "公安", tree.xiangfu)
    county = do_create_implementation(passport.item, county_police, actor=None)
    draft = county.versions.get()
    do_submit_version(draft, actor=None)
    do_publish_version(draft, actor=publisher_for(county))
    html = text_of(client.get(reverse("portal:search"), {"q": "护照"}))
    assert html.count('data-item="') == 1 and "另有 1 个办理地点" in html
    assert html.index(reverse("portal:guide", args=[passport.code])) < html.index("另有 1 个办理地点")
    html = text_of(client.get(reverse("portal:search"), {"q": "护照", "near": "410212"}))
    assert html.index(reverse("portal:guide", args=[county.code])) < html.index("另有 1 个办理地点")
    assert 'name="near" value="410212"' in html


def test_a_signed_in_persons_county_comes_from_their_id_number(passport) -> None:
    from types import SimpleNamespace

    from tongban.portal.queries import searcher_region

    person = SimpleNamespace(is_authenticated=True, id_number="410212199001010012")
    assert searcher_region(None, person) == "410212"
    assert searcher_region("410225", person) == "410225"
    assert searcher_region("junk", SimpleNamespace(is_authenticated=False)) is None


def test_english_search_finds_items_and_marks_chinese_catalog_text(client: Client, small_catalog) -> None:
    from tongban.catalog.services import do_update_item_names

    passport = small_catalog[0]
    do_update_item_names(passport.item, actor=None, name_en="Passport application")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = text_of(client.get(reverse("portal:search"), {"q": "passport"}))
    assert "Passport application" in html
    assert '<span class="tb-name-zh" lang="zh-CN">（普通护照签发）</span>' in html
    assert f'<span lang="zh-CN">{passport.department.name}</span>' in html
    html = text_of(client.get(reverse("portal:search"), {"q": "marriage"}))
    assert '<span lang="zh-CN">结婚登记</span>' in html  # no English name yet: the Chinese one, marked
