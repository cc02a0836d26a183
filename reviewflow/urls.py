from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from .views import audit, notifications, pages, standins

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="drafts", permanent=False)),
    path("accounts/login/", auth_views.LoginView.as_view(template_name="reviewflow/login.html"), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("drafts/", pages.my_drafts, name="drafts"),
    path("drafts/new/", pages.new_draft, name="draft-new"),
    path("drafts/<int:draft_id>/", pages.draft_detail, name="draft-detail"),
    path("drafts/<int:draft_id>/edit/", pages.edit, name="draft-edit"),
    path("drafts/<int:draft_id>/submit/", pages.submit, name="draft-submit"),
    path("drafts/<int:draft_id>/sign/", pages.sign, name="draft-sign"),
    path("drafts/<int:draft_id>/return/", pages.return_draft, name="draft-return"),
    path("drafts/<int:draft_id>/withdraw/", pages.withdraw, name="draft-withdraw"),
    path("drafts/<int:draft_id>/schedule/", pages.schedule, name="draft-schedule"),
    path("drafts/<int:draft_id>/correct/", pages.correct, name="draft-correct"),
    path("drafts/<int:draft_id>/unschedule/", pages.unschedule, name="draft-unschedule"),
    path("drafts/<int:draft_id>/findings/<int:finding_id>/dismiss/", pages.dismiss, name="finding-dismiss"),
    path("drafts/<int:draft_id>/findings/<int:finding_id>/confirm/", pages.confirm_dismissal, name="finding-confirm"),
    path("drafts/<int:draft_id>/findings/<int:finding_id>/apply/", pages.apply_suggestion, name="finding-apply"),
    path("drafts/<int:draft_id>/findings/apply/", pages.apply_suggestions, name="findings-apply"),
    path("drafts/<int:draft_id>/timeline/", audit.draft_timeline, name="draft-timeline"),
    path("inbox/", pages.inbox, name="inbox"),
    path("published-to-review/", pages.published_to_review, name="published-to-review"),
    path("stand-ins/", standins.stand_ins, name="stand-ins"),
    path("stand-ins/<int:stand_in_id>/revoke/", standins.revoke, name="stand-in-revoke"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/read/", notifications.mark_read, name="notifications-read-all"),
    path("notifications/<int:notification_id>/read/", notifications.mark_read, name="notification-read"),
    path("audit/", audit.audit_list, name="audit"),
    path("audit/export.csv", audit.audit_csv, name="audit-csv"),
    path("public/", pages.public_list, name="public"),
    path("public/<int:draft_id>/", pages.public_item, name="public-item"),
]
