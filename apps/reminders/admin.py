from django.contrib import admin
from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse

from apps.reminders.models import Delivery


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The delivery log: counts per kind and day, and failures with their error. No content."""

    list_display = ["created_at", "kind", "slot", "status", "reason", "error", "attempts"]
    list_filter = ["status", "kind", "reason"]
    date_hierarchy = "created_at"
    fields = [
        "kind",
        "slot",
        "due_at",
        "status",
        "reason",
        "error",
        "attempts",
        "created_at",
        "sent_at",
    ]
    readonly_fields = fields
    change_list_template = "admin/reminders/delivery/change_list.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        counts = (
            Delivery.objects.annotate(day=TruncDate("created_at"))
            .values("day", "kind")
            .annotate(
                total=Count("pk"),
                sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
                skipped=Count("pk", filter=Q(status=Delivery.Status.SKIPPED)),
                failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
                pending=Count(
                    "pk", filter=Q(status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING])
                ),
            )
            .order_by("-day", "kind")[:60]
        )
        return super().changelist_view(request, {**(extra_context or {}), "daily_counts": counts})
