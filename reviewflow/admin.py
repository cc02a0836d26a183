"""Organisation set-up and the dictionary in Django admin; audit events are read-only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from checks.inspection import base_list

from .display.events import event_name, event_summary
from .models import (
    AllowedLinkHost,
    AuditEvent,
    DictionaryEntry,
    Draft,
    LinkCheck,
    NormativeOverride,
    Official,
    OfficialTitle,
    Section,
    StandIn,
    StepLimit,
    Unit,
    User,
)
from .models_office import (
    CalendarDay,
    ColumnSchedule,
    FreshnessNotice,
    NetizenMessage,
    WebhookAttempt,
    WebhookDelivery,
    WebhookEndpoint,
)

admin.site.site_header = _("ReviewFlow administration")
admin.site.site_title = _("ReviewFlow")
admin.site.index_title = _("Organisation set-up")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "display_name", "section", "is_staff", "is_superuser")
    list_filter = ("section", "is_staff", "is_superuser")
    # Administrators look people up by their Chinese name (also in the head/deputy pickers).
    search_fields = ("username", "display_name", "first_name", "last_name", "email")
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), (_("Organisation"), {"fields": ("display_name", "section")}))
    add_fieldsets = (*BaseUserAdmin.add_fieldsets, (_("Organisation"), {"fields": ("display_name", "section")}))


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    autocomplete_fields = ("head", "deputy")


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "head", "publish_comments")
    autocomplete_fields = ("head",)
    inlines = [SectionInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "head", "deputy")
    list_filter = ("unit",)
    autocomplete_fields = ("head", "deputy")


@admin.register(DictionaryEntry)
class DictionaryEntryAdmin(admin.ModelAdmin):
    list_display = ("term", "kind", "replacement", "unit", "proposed")
    list_filter = ("kind", "proposed", "unit")
    search_fields = ("term", "replacement")


@admin.register(StepLimit)
class StepLimitAdmin(admin.ModelAdmin):
    list_display = ("unit", "column", "step", "working_days")
    list_filter = ("unit", "step")


@admin.register(StandIn)
class StandInAdmin(admin.ModelAdmin):
    """Stand-ins are named on the stand-ins page, where the chain rules are checked; admin lists them."""

    list_display = ("principal", "stand_in", "starts_on", "ends_on", "revoked_at", "named_by")
    list_filter = ("starts_on",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Draft)
class DraftAdmin(admin.ModelAdmin):
    """Drafts are changed only through the review; admin shows them."""

    list_display = ("title", "status", "drafter", "section", "version", "published_at")
    list_filter = ("status", "section", "kind", "key")
    search_fields = ("title",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a draft leaves only through the review, never from under a live round


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("time", "event_label", "who", "draft", "version_number", "details")
    list_filter = ("event",)

    @admin.display(description=_("Time"), ordering="created_at")
    def time(self, event):
        return event.created_at

    @admin.display(description=_("Event"), ordering="event")
    def event_label(self, event):
        return event_name(event.event)

    @admin.display(description=_("Who"), ordering="actor")
    def who(self, event):
        return event.actor

    @admin.display(description=_("Version"), ordering="version")
    def version_number(self, event):
        return event.version

    @admin.display(description=_("Details"))
    def details(self, event):
        return event_summary(event)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


# knox's own admin lists digests and shows a new token in clear once; ours lists who holds a token until when, and
# an administrator can only revoke (delete) one.
admin.site.unregister(AuthToken)


@admin.register(AuthToken)
class AuthTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "created", "expiry")
    list_filter = ("created",)
    search_fields = ("user__username",)
    fields = ("user", "created", "expiry")
    readonly_fields = fields
    ordering = ("-created",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class OfficialTitleInline(admin.TabularInline):
    model = OfficialTitle
    extra = 1


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    """The unit's leaders as texts name them: the check flags misspelt names, wrong titles and wrong order."""

    list_display = ("name", "unit", "precedence", "current_titles", "user")
    list_filter = ("unit",)
    search_fields = ("name",)
    autocomplete_fields = ("user",)
    inlines = [OfficialTitleInline]

    @admin.display(description=_("Current titles"))
    def current_titles(self, official):
        return "、".join(t.title for t in official.titles.all() if t.ended_on is None)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("titles")


@admin.register(NormativeOverride)
class NormativeOverrideAdmin(admin.ModelAdmin):
    """A unit's additions to the base list and the base entries it switched off, each with who, when and why."""

    list_display = ("wrong", "action", "preferred", "severity", "unit", "reason", "created_by", "created_at")
    list_filter = ("action", "unit")
    search_fields = ("wrong", "preferred", "reason")
    readonly_fields = ("active_base_version", "base_entry", "base_version", "created_by", "created_at")

    @admin.display(description=_("Active base list version"))
    def active_base_version(self, override=None):
        listed = base_list.get()
        return f"{listed.version}（{len(listed.entries)}）"

    @admin.display(description=_("Base list entry"))
    def base_entry(self, override):
        entry = next((e for e in base_list.get().entries if e.wrong == override.wrong), None)
        return f"{entry.wrong} → {entry.preferred or '—'}（{entry.severity}，{entry.source}）" if entry else "—"

    def changelist_view(self, request, extra_context=None):
        title = _("Changes to the normative list (active base list: version %(version)s, %(count)d entries)") % {
            "version": base_list.get().version,
            "count": len(base_list.get().entries),
        }
        return super().changelist_view(request, {**(extra_context or {}), "title": title})

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.base_version = base_list.get().version
        super().save_model(request, obj, form, change)


@admin.register(AllowedLinkHost)
class AllowedLinkHostAdmin(admin.ModelAdmin):
    list_display = ("host", "unit", "reason")
    list_filter = ("unit",)


@admin.register(LinkCheck)
class LinkCheckAdmin(admin.ModelAdmin):
    """Recent link checks, read-only: a URL checked within a day is not opened again."""

    list_display = ("url", "outcome", "status", "location", "checked_at")
    list_filter = ("outcome",)
    search_fields = ("url",)

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    """Holidays and 调休 working days the calendar package does not know yet (later years, local closures)."""

    list_display = ("day", "working", "note")
    list_filter = ("working",)
    date_hierarchy = "day"


@admin.register(ColumnSchedule)
class ColumnScheduleAdmin(admin.ModelAdmin):
    list_display = ("section", "column", "channel", "interval_days", "checked_at")
    list_filter = ("section__unit", "column", "channel")
    readonly_fields = ("checked_at",)


@admin.register(FreshnessNotice)
class FreshnessNoticeAdmin(admin.ModelAdmin):
    list_display = ("schedule", "due_at", "notified_at", "recipients")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(NetizenMessage)
class NetizenMessageAdmin(admin.ModelAdmin):
    """Messages change through their services (transfer, reply); admin shows them."""

    list_display = ("subject", "unit", "received_at", "transfer_due", "reply_due", "section", "reply")
    list_filter = ("unit", "source", "section")
    search_fields = ("subject", "body", "author_name")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "url", "events", "active")
    list_filter = ("unit", "active")


class WebhookAttemptInline(admin.TabularInline):
    model = WebhookAttempt
    extra = 0
    can_delete = False
    readonly_fields = ("number", "status_code", "error", "duration_ms", "attempted_at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ("endpoint", "event", "draft", "state", "created_at", "delivered_at")
    list_filter = ("state", "event", "endpoint")
    readonly_fields = ("endpoint", "draft", "event", "payload", "state", "created_at", "delivered_at")
    inlines = [WebhookAttemptInline]

    def has_add_permission(self, request):
        return False
