"""What audits keeps of a person (apps/accounts/registry.py): audit weeks, their moments and
commitments."""

from apps.accounts.registry import Section
from apps.audits.models import Commitment, EnergyAudit, EnergyMoment

SECTIONS = (
    Section(
        "energy_audits",
        EnergyAudit,
        lambda user: EnergyAudit.objects.for_user(user).order_by("starts_on", "pk"),
        ("id", "starts_on", "ends_on", "ended_early_on", "notes", "created_at"),
    ),
    Section(
        "energy_moments",
        EnergyMoment,
        lambda user: EnergyMoment.objects.filter(audit__user=user).order_by("occurred_at", "pk"),
        ("audit_id", "occurred_at", "energy", "activity", "effect", "created_at"),
        refers={"audit_id": "energy_audits"},
        owner="",
    ),
    Section(
        "commitments",
        Commitment,
        lambda user: Commitment.objects.filter(audit__user=user).order_by("audit_id", "pk"),
        (
            "audit_id",
            "title",
            "hours_per_week",
            "personal_value_id",
            "decision",
            "delegate_to",
            "postpone_until",
            "weekday",
            "created_at",
        ),
        refers={"audit_id": "energy_audits", "personal_value_id": "personal_values"},
        owner="",
    ),
)
