"""Organisation set-up and the dictionary in Django admin; audit events are read-only."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, DictionaryEntry, Draft, Section, Unit, User
from .views.events import event_name, event_summary

admin.site.site_header = _("ReviewFlow administration")
admin.site.site_title = _("ReviewFlow")
admin.site.index_title = _("Organisation set-up")


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "display_name", "section", "is_staff", "is_superuser")
    list_filter = ("section", "is_staff", "is_superuser")
    fieldsets = BaseUserAdmin.fieldsets + ((_("Organisation"), {"fields": ("display_name", "section")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Organisation"), {"fields": ("display_name", "section")}),)


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
