from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny

from . import office, schema, views

schema.document()

urlpatterns = [
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    path("auth/logout/", views.LogoutView.as_view(), name="api-logout"),
    path("auth/logout-all/", views.LogoutAllView.as_view(), name="api-logout-all"),
    path("drafts/", views.DraftListView.as_view(), name="api-drafts"),
    path("drafts/<int:draft_id>/", views.DraftView.as_view(), name="api-draft"),
    path("drafts/<int:draft_id>/submit/", views.SubmitView.as_view(), name="api-submit"),
    path(
        "drafts/<int:draft_id>/findings/<int:finding_id>/dismiss/",
        views.DismissFindingView.as_view(),
        name="api-dismiss",
    ),
    path(
        "drafts/<int:draft_id>/findings/<int:finding_id>/confirm/",
        views.ConfirmDismissalView.as_view(),
        name="api-confirm-dismissal",
    ),
    path(
        "drafts/<int:draft_id>/findings/<int:finding_id>/apply/", views.ApplySuggestionView.as_view(), name="api-apply"
    ),
    path("drafts/<int:draft_id>/findings/apply/", views.ApplySuggestionsView.as_view(), name="api-apply-several"),
    path("drafts/<int:draft_id>/correct/", views.CorrectView.as_view(), name="api-correct"),
    path("drafts/<int:draft_id>/schedule/", views.ScheduleView.as_view(), name="api-schedule"),
    path("drafts/<int:draft_id>/unschedule/", views.UnscheduleView.as_view(), name="api-unschedule"),
    path("drafts/<int:draft_id>/sign/", views.SignView.as_view(), name="api-sign"),
    path("drafts/<int:draft_id>/return/", views.ReturnView.as_view(), name="api-return"),
    path("drafts/<int:draft_id>/withdraw/", views.WithdrawView.as_view(), name="api-withdraw"),
    path("drafts/<int:draft_id>/audit/", views.AuditView.as_view(), name="api-audit"),
    path("inbox/", views.InboxView.as_view(), name="api-inbox"),
    path("published/", views.PublishedView.as_view(), name="api-published"),
    path("published/<int:draft_id>/", views.PublishedItemView.as_view(), name="api-published-item"),
    path("messages/", office.MessageListView.as_view(), name="api-messages"),
    path("messages/<int:message_id>/", office.MessageView.as_view(), name="api-message"),
    path("messages/<int:message_id>/transfer/", office.TransferView.as_view(), name="api-message-transfer"),
    path("messages/<int:message_id>/reply/", office.ReplyView.as_view(), name="api-message-reply"),
    path("freshness/", office.FreshnessView.as_view(), name="api-freshness"),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[AllowAny]), name="api-schema"),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(url_name="api-schema", permission_classes=[AllowAny]),
        name="api-docs",
    ),
]
