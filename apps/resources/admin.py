from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from apps.resources.models import CrisisLine, JournalPrompt


@admin.action(description="Publish the selected items")
def publish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    queryset.update(is_published=True)


@admin.action(description="Unpublish the selected items")
def unpublish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    queryset.update(is_published=False)


@admin.register(CrisisLine)
class CrisisLineAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "kind", "phone", "is_published", "last_verified_on"]
    list_filter = ["is_published", "kind", "country"]
    search_fields = ["name", "phone", "text", "notes"]
    ordering = ["country", "order", "name"]
    prepopulated_fields = {"slug": ["country", "name"]}
    actions = [publish, unpublish]


@admin.register(JournalPrompt)
class JournalPromptAdmin(admin.ModelAdmin):
    list_display = ["text", "theme", "is_published", "order"]
    list_filter = ["is_published", "theme"]
    search_fields = ["text", "theme"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["text"]}
    actions = [publish, unpublish]
