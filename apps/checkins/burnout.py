"""The burnout self-check: the Copenhagen Burnout Inventory's personal and work-related scales.

Kristensen, Borritz, Villadsen and Christensen (2005), "The Copenhagen Burnout Inventory: a new
tool for the assessment of burnout", Work & Stress 19(3): 192-207; free to use. Items, answers
and scoring as in the English version of the PUMA study's questionnaire:
- every answer scores 100, 75, 50, 25 or 0, from "always" / "to a very high degree" down;
- the last work item (energy for family and friends) is scored the other way round;
- a scale's score is the mean of its answered items, and there is none with fewer than three
  personal or four work answers (the questionnaire's "non-responder").
"""

import datetime as dt
from dataclasses import dataclass
from statistics import fmean

RETAKE_AFTER = dt.timedelta(weeks=4)
HIGH = 75  # from here on, the results page suggests talking to a professional

HOW_OFTEN = (
    (100, "Always"),
    (75, "Often"),
    (50, "Sometimes"),
    (25, "Seldom"),
    (0, "Never or almost never"),
)
TO_WHAT_DEGREE = (
    (100, "To a very high degree"),
    (75, "To a high degree"),
    (50, "Somewhat"),
    (25, "To a low degree"),
    (0, "To a very low degree"),
)


@dataclass(frozen=True)
class Item:
    key: str
    question: str
    answers: tuple[tuple[int, str], ...]
    reversed: bool = False

    def points(self, answer: int) -> int:
        return 100 - answer if self.reversed else answer


PERSONAL = (
    Item("tired", "How often do you feel tired?", HOW_OFTEN),
    Item("physically_exhausted", "How often are you physically exhausted?", HOW_OFTEN),
    Item("emotionally_exhausted", "How often are you emotionally exhausted?", HOW_OFTEN),
    Item("cant_take_it", "How often do you think: “I can't take it anymore”?", HOW_OFTEN),
    Item("worn_out", "How often do you feel worn out?", HOW_OFTEN),
    Item("weak", "How often do you feel weak and susceptible to illness?", HOW_OFTEN),
)
WORK = (
    Item("work_exhausting", "Is your work emotionally exhausting?", TO_WHAT_DEGREE),
    Item("burnt_out_by_work", "Do you feel burnt out because of your work?", TO_WHAT_DEGREE),
    Item("work_frustrates", "Does your work frustrate you?", TO_WHAT_DEGREE),
    Item("worn_out_after_work", "Do you feel worn out at the end of the working day?", HOW_OFTEN),
    Item(
        "morning_dread",
        "Are you exhausted in the morning at the thought of another day at work?",
        HOW_OFTEN,
    ),
    Item("every_hour_tiring", "Do you feel that every working hour is tiring for you?", HOW_OFTEN),
    Item(
        "energy_for_others",
        "Do you have enough energy for family and friends during leisure time?",
        HOW_OFTEN,
        reversed=True,
    ),
)
ITEMS = {item.key: item for item in (*PERSONAL, *WORK)}
FEWEST_ANSWERS = {"personal": 3, "work": 4}


def scale_score(items: tuple[Item, ...], answers: dict[str, int], fewest: int) -> float | None:
    """The mean of the answered items' points, or None with fewer than `fewest` answers."""
    points = [item.points(answers[item.key]) for item in items if answers.get(item.key) is not None]
    return round(fmean(points), 1) if len(points) >= fewest else None


def personal_score(answers: dict[str, int]) -> float | None:
    return scale_score(PERSONAL, answers, FEWEST_ANSWERS["personal"])


def work_score(answers: dict[str, int]) -> float | None:
    return scale_score(WORK, answers, FEWEST_ANSWERS["work"])


def reading(score: float) -> str:
    """A plain, non-diagnostic word for a score, in the bands many studies of the CBI use
    (under 50 low, 50 to 74 moderate, 75 and over high)."""
    if score >= HIGH:
        return "high"
    return "moderate" if score >= 50 else "low"
