from django.conf import settings
from django.db import models

from apps.lib.fields import EncryptedTextField
from apps.lib.querysets import OwnedQuerySet


class ImportJob(models.Model):
    """One file brought in: checked at upload, previewed, then imported (in the request when
    small, by a Celery task when large) a chunk at a time. Each chunk commits with the progress
    that counts it, so a crash resumes where it stopped and nothing is imported twice. The
    file's text is kept, encrypted, only until the import ends."""

    class Kind(models.TextChoices):
        DAYLIO = "daylio", "Daylio CSV"
        PACEWISE = "pacewise", "Pacewise export"

    class Status(models.TextChoices):
        PREVIEW = "preview", "Waiting for your go-ahead"
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Stopped"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEW)
    filename = models.CharField(max_length=200, blank=True)
    content = EncryptedTextField(blank=True)
    mapping = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(default=0)  # days (Daylio) or rows (a restore)
    done = models.PositiveIntegerField(default=0)
    outcome = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} import of {self.created_at:%Y-%m-%d}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0
