"""Boundary statement templates: a sentence with blanks, and what each blank asks for.

A template is data, not a model: editors change wording in code review, and a saved statement
keeps its own final text, so changing a template never rewrites what someone already saved.
"""

from dataclasses import dataclass
from string import Formatter


@dataclass(frozen=True)
class Blank:
    name: str
    label: str
    example: str
    kind: str = "text"  # "text", "number" (1-30) or "time"


@dataclass(frozen=True)
class BoundaryTemplate:
    slug: str
    area: str  # BoundaryStatement.Area
    title: str
    text: str
    blanks: tuple[Blank, ...]

    def fill(self, values: dict[str, str]) -> str:
        return self.text.format(**values)

    @property
    def sketch(self) -> str:
        """The sentence with its blanks showing, for choosing a template."""
        return self.fill({blank.name: "…" for blank in self.blanks})


TEMPLATES = (
    BoundaryTemplate(
        slug="work-capacity",
        area="work",
        title="Capacity for the week",
        text="I can commit to {tasks} tasks this week and will protect {protected_time} for rest.",
        blanks=(
            Blank("tasks", "How many tasks", "3", kind="number"),
            Blank("protected_time", "Time you will protect", "Wednesday evening"),
        ),
    ),
    BoundaryTemplate(
        slug="work-messages",
        area="work",
        title="Messages after hours",
        text="I'm not available for messages after {time}; I'll reply {when}.",
        blanks=(
            Blank("time", "Not available after", "18:00", kind="time"),
            Blank("when", "When you will reply", "the next working morning"),
        ),
    ),
    BoundaryTemplate(
        slug="work-new-request",
        area="work",
        title="A new request",
        text=(
            "I can take on {request} if {trade_off} moves to {later}. Which matters more right now?"
        ),
        blanks=(
            Blank("request", "The new request", "the client report"),
            Blank("trade_off", "What would have to move", "the onboarding guide"),
            Blank("later", "Where it would move to", "next week"),
        ),
    ),
    BoundaryTemplate(
        slug="social-need",
        area="social",
        title="Seeing someone, your way",
        text="I'd love to see you, and this time I need {need}.",
        blanks=(Blank("need", "What you need this time", "a quiet walk instead of a late dinner"),),
    ),
    BoundaryTemplate(
        slug="social-decline",
        area="social",
        title="Saying no to an event",
        text="I can't make it to {event} this week; I'm keeping {time} for rest.",
        blanks=(
            Blank("event", "The event", "Friday drinks"),
            Blank("time", "Time kept for rest", "Friday evening"),
        ),
    ),
    BoundaryTemplate(
        slug="social-help",
        area="social",
        title="Asked for help",
        text="I care about you, and I can't help with {request} right now. I could {instead}.",
        blanks=(
            Blank("request", "What you were asked", "the move on Saturday"),
            Blank("instead", "What you could offer instead", "call you on Sunday afternoon"),
        ),
    ),
)

# The save form posts the blanks alongside these names.
RESERVED = {"template", "text", "csrfmiddlewaretoken"}
BY_SLUG = {template.slug: template for template in TEMPLATES}


def by_area(area: str) -> list[BoundaryTemplate]:
    return [template for template in TEMPLATES if template.area == area]


def check_templates() -> None:
    """Each template's blanks are exactly the placeholders in its text (run by the tests)."""
    for template in TEMPLATES:
        fields = {name for _, name, _, _ in Formatter().parse(template.text) if name}
        if fields != {blank.name for blank in template.blanks}:
            raise ValueError(f"Template {template.slug}: blanks don't match {fields}.")
        if fields & RESERVED:
            raise ValueError(f"Template {template.slug}: {fields & RESERVED} is reserved.")
