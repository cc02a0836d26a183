"""Organisation set-up and the dictionary in Django admin; audit events are read-only."""
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import AuditEvent, DictionaryEntry, Draft, Section, Unit, User


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
    list_display = ("name", "head")
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
    list_display = ("created_at", "event", "actor", "draft", "version")
    list_filter = ("event",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
