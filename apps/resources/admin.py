from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.html import format_html

from apps.resources.models import (
    REVERIFY_AFTER,
    CrisisLine,
    Exercise,
    ExerciseStep,
    JournalPrompt,
    TherapyApproach,
    Value,
)
from apps.resources.phones import validate_phone


def set_published(queryset: QuerySet, published: bool) -> int:
    return queryset.exclude(is_published=published).update(
        is_published=published, updated_at=timezone.now()
    )


@admin.action(description="Publish the selected items")
def publish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = set_published(queryset, True)
    modeladmin.message_user(request, f"Published {count} item(s).", messages.SUCCESS)


@admin.action(description="Unpublish the selected items")
def unpublish(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> None:
    count = set_published(queryset, False)
    modeladmin.message_user(request, f"Unpublished {count} item(s).", messages.SUCCESS)


class CuratedAdmin(admin.ModelAdmin):
    """What every curated list shares: publish in bulk, order in place, preview on the site."""

    actions = [publish, unpublish]
    list_editable = ["order"]
    list_filter = ["is_published"]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="Preview")
    def preview(self, obj: object) -> str:
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        return format_html('<a href="{}">View on site</a>', url) if url else "—"


class CrisisLineForm(forms.ModelForm):
    class Meta:
        model = CrisisLine
        fields = [
            "country",
            "kind",
            "name",
            "slug",
            "is_published",
            "order",
            "phone",
            "text",
            "chat_url",
            "hours",
            "languages",
            "notes",
            "source_url",
            "last_verified_on",
            "review_note",
        ]

    def clean(self) -> dict:
        data = super().clean()
        country = data.get("country")
        if data.get("phone") and country:
            try:
                validate_phone(data["phone"], str(country))
            except forms.ValidationError as error:
                self.add_error("phone", error)
        if not (data.get("phone") or data.get("text") or data.get("chat_url")):
            raise forms.ValidationError(
                "Give at least one way to reach the line: phone, text or chat."
            )
        return data


@admin.register(CrisisLine)
class CrisisLineAdmin(CuratedAdmin):
    form = CrisisLineForm
    list_display = [
        "name",
        "country",
        "kind",
        "phone",
        "is_published",
        "verified",
        "order",
        "preview",
    ]
    list_filter = ["is_published", "kind", "country"]
    search_fields = ["name", "phone", "text", "notes", "country"]
    ordering = ["country", "order", "name"]
    prepopulated_fields = {"slug": ["country", "name"]}
    fieldsets = [
        (None, {"fields": ["country", "kind", "name", "slug", "is_published", "order"]}),
        (
            "How to reach it",
            {"fields": ["phone", "text", "chat_url", "hours", "languages", "notes"]},
        ),
        ("Verification", {"fields": ["source_url", "last_verified_on", "review_note"]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description="Last verified", ordering="last_verified_on")
    def verified(self, line: CrisisLine) -> str:
        if line.is_due_for_review:
            return format_html(
                '<strong class="errornote">⚠ {} — due for re-verification</strong>',
                line.last_verified_on,
            )
        return str(line.last_verified_on)

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: object = None
    ) -> HttpResponse:
        line = self.get_object(request, object_id)
        if line is not None and line.is_due_for_review and request.method == "GET":
            months = REVERIFY_AFTER.days // 30
            self.message_user(
                request,
                f"This line was last verified on {line.last_verified_on}, more than {months} "
                "months ago. Check it against its source, then update the date.",
                messages.WARNING,
            )
        return super().change_view(request, object_id, form_url, extra_context)


class ExerciseStepInline(admin.TabularInline):
    model = ExerciseStep
    extra = 1
    ordering = ["order"]


@admin.register(Exercise)
class ExerciseAdmin(CuratedAdmin):
    inlines = [ExerciseStepInline]
    list_display = ["title", "kind", "need", "duration_minutes", "is_published", "order", "preview"]
    list_filter = ["is_published", "kind", "need"]
    search_fields = ["title", "summary", "why_it_helps"]
    ordering = ["order", "title"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(TherapyApproach)
class TherapyApproachAdmin(CuratedAdmin):
    list_display = ["name", "short_name", "is_published", "order", "preview"]
    search_fields = ["name", "short_name", "summary"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(JournalPrompt)
class JournalPromptAdmin(CuratedAdmin):
    list_display = ["text", "theme", "is_published", "order"]
    list_filter = ["is_published", "theme"]
    search_fields = ["text", "theme"]
    ordering = ["order", "slug"]
    prepopulated_fields = {"slug": ["text"]}


@admin.register(Value)
class ValueAdmin(CuratedAdmin):
    list_display = ["name", "description", "is_published", "order"]
    search_fields = ["name", "description"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}
