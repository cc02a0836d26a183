"""The pages through Django's test client: audit list and export, notifications, language, diffs, escaping."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from reviewflow import services
from reviewflow.models import Draft, Notification, SeenVersion, Status
from reviewflow.templatetags.reviewflow import marked_text
from tests.factories import fully_signed, make_draft, sign_as, submit_and_check

pytestmark = pytest.mark.django_db


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def test_audit_csv_streams_the_filtered_events_with_chinese_names(org):
    published = fully_signed(org)
    make_draft(org["drafter2"], title="办公室通知")
    response = logged_in(org["admin"]).get("/audit/export.csv", {"event": "review.signed"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = csv_rows(response)
    assert header[:5] == ["时间", "人员", "用户名", "事件", "事件代码"]
    assert [(row[2], row[3], row[5]) for row in rows] == [
        ("head", "签批", str(published.pk)),
        ("deputy", "签批", str(published.pk)),
        ("section_head", "签批", str(published.pk)),
        ("drafter", "签批", str(published.pk)),
    ]
    assert {row[9] for row in rows} == {published.content_hash}
    assert rows[0][10] == "主要领导"


def test_audit_csv_filters_by_person_and_by_section(org):
    fully_signed(org)
    other = make_draft(org["drafter2"], title="办公室通知")
    admin = logged_in(org["admin"])
    by_deputy = csv_rows(admin.get("/audit/export.csv", {"actor": org["deputy"].pk}))[1:]
    assert [(row[2], row[4]) for row in by_deputy] == [("deputy", "review.signed")]
    office = csv_rows(admin.get("/audit/export.csv", {"section": org["drafter2"].section_id}))[1:]
    assert [(row[4], row[5], row[7]) for row in office] == [("draft.created", str(other.pk), "办公室")]


def test_audit_list_filters_by_event_type_and_day(org):
    draft = fully_signed(org)
    admin = logged_in(org["admin"])
    page = admin.get("/audit/", {"event": "draft.published"}).content.decode()
    assert "发布" in page and draft.title in page
    assert "1 条事件" in page
    assert "0 条事件" in admin.get("/audit/", {"since": "2000-01-01", "until": "2000-01-02"}).content.decode()


@pytest.mark.parametrize("path", ["/audit/", "/audit/export.csv", "/drafts/{id}/timeline/"])
def test_audit_pages_are_forbidden_to_people_who_are_not_administrators(org, path):
    draft = fully_signed(org)
    for username in ("drafter", "section_head", "head"):
        response = logged_in(org[username]).get(path.format(id=draft.pk))
        assert response.status_code == 403, username
    assert logged_in(org["admin"]).get(path.format(id=draft.pk)).status_code == 200


def test_timeline_lists_every_event_with_its_actor_and_the_checks_findings(org):
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务管理局研究布署下一阶段工作。"))
    assert draft.status == Status.NEEDS_REVISION
    page = logged_in(org["admin"]).get(f"/drafts/{draft.pk}/timeline/").content.decode()
    for name in ("创建稿件", "提交审核", "错别字检测完成", "检测发现问题"):
        assert name in page
    assert "“布署”应为“部署”" in page
    assert draft.content_hash[:14] in page


def test_opening_a_notification_marks_it_read_and_leads_to_its_draft(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    note = Notification.objects.get(user=org["section_head"], draft=draft)
    other = Notification.objects.create(user=org["deputy"], draft=draft, message="x")
    client = logged_in(org["section_head"])
    assert 'id="unread-count">1<' in client.get("/inbox/").content.decode()
    response = client.post(f"/notifications/{note.pk}/read/", {"next": f"/drafts/{draft.pk}/"})
    assert response.status_code == 302 and response["Location"] == f"/drafts/{draft.pk}/"
    note.refresh_from_db()
    other.refresh_from_db()
    assert note.read_at is not None and other.read_at is None
    assert 'id="unread-count"' not in client.get("/inbox/").content.decode()


def test_marking_all_read_touches_only_ones_own_notifications(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    Notification.objects.create(user=org["section_head"], draft=draft, message="再看一下")
    other = Notification.objects.create(user=org["deputy"], draft=draft, message="x")
    response = logged_in(org["section_head"]).post("/notifications/read/", {"next": "https://evil.example/"})
    assert response["Location"] == "/notifications/"
    assert not Notification.objects.filter(user=org["section_head"], read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


def test_pages_are_chinese_by_default_and_english_after_the_switch(org):
    client = logged_in(org["drafter"])
    page = client.get("/drafts/").content.decode()
    assert "我的稿件" in page and "My drafts" not in page
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/drafts/"})
    assert response.status_code == 302
    page = client.get("/drafts/").content.decode()
    assert "My drafts" in page and "我的稿件" not in page


def test_dates_read_in_chinese(org):
    make_draft(org["drafter"])
    page = logged_in(org["drafter"]).get("/drafts/").content.decode()
    draft = Draft.objects.get()
    from django.utils import timezone

    local = timezone.localtime(draft.status_changed_at)
    assert f"{local.year}年{local.month}月{local.day}日" in page


def test_draft_page_shows_what_changed_since_the_version_the_signer_last_read(org):
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务管理局召开会议。\n研究下一阶段工作。"))
    head = logged_in(org["section_head"])
    assert 'id="changes"' not in head.get(f"/drafts/{draft.pk}/").content.decode()
    assert SeenVersion.objects.get(user=org["section_head"], draft=draft).version == 1
    services.return_draft(draft_id=draft.pk, user=org["section_head"], version=1, reason="补充时间")
    services.edit_draft(
        draft_id=draft.pk, user=org["drafter"], data={"body": "区政务服务管理局于今日召开会议。\n研究下一阶段工作。"}
    )
    draft = submit_and_check(Draft.objects.get(pk=draft.pk))
    page = head.get(f"/drafts/{draft.pk}/").content.decode()
    assert 'id="changes"' in page
    assert "（第 1 版 → 第 2 版）" in page
    assert "<ins>于今日</ins>" in page
    assert "研究下一阶段工作" in page.split('id="changes"')[1]
    # The signer's diff stays on later views until they act on the new version (issue 11.7).
    assert 'id="changes"' in head.get(f"/drafts/{draft.pk}/").content.decode()
    sign_as(org["section_head"], draft)
    assert 'id="changes"' not in head.get(f"/drafts/{draft.pk}/").content.decode()


def test_findings_are_marked_in_the_text_with_their_suggestion(org):
    draft = submit_and_check(make_draft(org["drafter"], body="区政务服务管理局研究布署下一阶段工作。"))
    page = logged_in(org["drafter"]).get(f"/drafts/{draft.pk}/").content.decode()
    body = page.split('id="draft-body">')[1].split("</article>")[0]
    assert body.startswith('区政务服务管理局研究<mark class="error"')
    assert "“布署”应为“部署”；建议：部署" in body
    assert ">布署<sup>" in body
    assert "改为“部署”" in page


def test_script_inside_or_next_to_a_flagged_span_stays_inert(org):
    body = "<script>alert(1)</script>研究布署<img src=x onerror=alert(2)>工作。"
    draft = submit_and_check(make_draft(org["drafter"], body=body))
    page = logged_in(org["drafter"]).get(f"/drafts/{draft.pk}/").content.decode()
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    marked = page.split('id="draft-body">')[1].split("</article>")[0]
    assert marked.startswith("&lt;script&gt;alert(1)&lt;/script&gt;研究<mark")
    assert "</mark>&lt;img src=x onerror=alert(2)&gt;工作。" in marked

    inside = SimpleNamespace(
        pk=7,
        number=1,
        field="body",
        start=2,
        end=10,
        severity="error",
        dismissed=False,
        message='<b onmouseover="x">',
        suggestion="</mark><script>",
    )
    html = marked_text("前文<script>后文", [inside])
    assert "<script>" not in html and "<b " not in html
    assert html == (
        '前文<mark class="error" title="&lt;b onmouseover=&quot;x&quot;&gt;；建议：&lt;/mark&gt;&lt;script&gt;">'
        '&lt;script&gt;<sup><a href="#finding-7">1</a></sup></mark>后文'
    )


def test_a_stale_signature_from_an_old_page_gets_a_message_not_an_error(org):
    draft = submit_and_check(make_draft(org["drafter"]))
    client = logged_in(org["section_head"])
    assert client.post(f"/drafts/{draft.pk}/sign/", {"version": 1}).status_code == 302
    response = client.post(f"/drafts/{draft.pk}/sign/", {"version": 1}, follow=True)
    assert response.status_code == 200
    assert "稿件当前状态不允许此操作（当前：待分管领导签批）" in response.content.decode()


def test_public_item_shows_the_four_signers_and_the_content_hash(org):
    draft = fully_signed(org, key=True)
    page = Client().get(f"/public/{draft.pk}/").content.decode()
    signoff = page.split('id="signoff"')[1]
    for role, name in (
        ("信息拟稿人", "张拟稿"),
        ("股室负责人", "李股长"),
        ("分管领导", "王分管"),
        ("主要领导", "赵局长"),
    ):
        assert role in signoff and name in signoff
    assert draft.content_hash in signoff
    assert draft.title in Client().get("/public/", {"column": "work_news"}).content.decode()
    assert draft.title not in Client().get("/public/", {"column": "notice"}).content.decode()


def test_admin_site_speaks_chinese(org):
    admin = logged_in(org["admin"])
    index = admin.get("/admin/").content.decode()
    assert "组织设置" in index and "股室" in index and "单位" in index
    assert "股室负责人" in admin.get("/admin/reviewflow/section/").content.decode()
    fully_signed(org)
    events = admin.get("/admin/reviewflow/auditevent/").content.decode()
    assert "签批" in events and "操作人" in events


def test_audit_list_costs_the_same_queries_however_many_submissions_it_shows(org):
    admin = logged_in(org["admin"])
    submit_and_check(make_draft(org["drafter"]))
    with CaptureQueriesContext(connection) as few:
        assert admin.get("/audit/").status_code == 200
    for n in range(4):
        submit_and_check(make_draft(org["drafter"], title=f"第{n}篇"))
    with CaptureQueriesContext(connection) as many:
        page = admin.get("/audit/").content.decode()
    assert len(many) == len(few)
    assert "张拟稿 → 李股长 → 王分管 → 赵局长" in page
