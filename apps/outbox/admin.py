from django.contrib import admin
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse

from apps.outbox.models import Message, Status


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """The delivery log: counts per kind and day, and failures with their error type.

    Never content: a stored body may hold a one-time code, and it is cleared once sent anyway.
    """

    list_display = [
        "created_at",
        "kind",
        "status",
        "reason",
        "last_error",
        "attempts",
        "deliveries",
        "sent_at",
    ]
    list_filter = ["status", "kind", "reason", "channel"]
    date_hierarchy = "created_at"
    search_fields = ["message_id"]
    fields = [
        "channel",
        "kind",
        "ref",
        "message_id",
        "due_at",
        "status",
        "reason",
        "last_error",
        "attempts",
        "next_attempt_at",
        "claimed_at",
        "created_at",
        "deliveries",
        "sent_at",
    ]
    readonly_fields = fields
    change_list_template = "admin/outbox/message/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        counts = (
            Message.objects.annotate(day=TruncDate("created_at"))
            .values("day", "channel", "kind")
            .annotate(
                total=Count("pk"),
                sent=Count("pk", filter=Q(status=Status.SENT)),
                skipped=Count("pk", filter=Q(status=Status.SKIPPED)),
                failed=Count("pk", filter=Q(status=Status.FAILED)),
                pending=Count("pk", filter=Q(status__in=[Status.PENDING, Status.SENDING])),
            )
            .order_by("-day", "channel", "kind")[:60]
        )
        return super().changelist_view(request, {**(extra_context or {}), "daily_counts": counts})
