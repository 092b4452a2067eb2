"""The weekly energy summary: computed for a batch of people at once, as plain data.

The week is the last complete Monday-to-Sunday week in each person's own time zone before
`now`: for a summary sent on Monday morning, the week that has just ended. The preview page
passes the current time too, so it shows exactly what an email sent now would say, rather than
the unfinished current week, whose figures would still change before it is sent.

A batch costs four queries however many people it holds: check-ins, weekly actions, rest
windows (those taken and the next one, together) and energy-audit moments. Each person's week
starts at a different instant, so each query reads the union of the batch's weeks and the rows
are sorted out per person in Python. Only the people given are read, so memory stays flat.

Privacy: only figures, curated words and choice labels leave this module. Notes, journal text,
boundary statements, rest reflections, audit activities and safety signals are never read, and
a feeling typed in the person's own words is reported only as "your own word".
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import FETCH_RAISE, OuterRef, Q, Subquery
from django.urls import NoReverseMatch, reverse

from apps.accounts.models import User
from apps.audits.models import EnergyMoment
from apps.checkins.feelings import FEELINGS
from apps.checkins.insights import LOW_ENERGY, MaskedAmbition, masked_ambition
from apps.checkins.models import CheckIn, Drive
from apps.lib.dates import day_and_time, local_midnight, long_day, week_start, zone
from apps.planning.models import RestWindow, WeeklyAction
from apps.resources.models import Need

OWN_WORD = "your own word"
# Local hour bands for the audit's best and worst time of day, in the order ties are settled.
BANDS = (("morning", 6, 12), ("afternoon", 12, 18), ("evening", 18, 24), ("night", 0, 6))
NEED_LABELS = dict(Need.choices)
LINKS = {
    "checkin": ("checkins:today", ""),
    "rest": ("planning:rest", ""),
    "boundary": ("planning:boundaries", ""),
    "action": ("planning:actions", ""),
    "exercise": ("resources:library", "?kind=rest"),
    "keep": ("checkins:insights", ""),
}


@dataclass(frozen=True)
class DayEnergy:
    """One local day of the week and its check-in energy, if there was a check-in."""

    day: dt.date
    energy: int | None

    @property
    def percent(self) -> int:
        """The width of the email's bar: energy 1-10 as 10-100 per cent."""
        return (self.energy or 0) * 10

    @property
    def rest_percent(self) -> int:
        return 100 - self.percent

    @property
    def text_bar(self) -> str:
        return "#" * (self.energy or 0) + "." * (10 - (self.energy or 0))

    @property
    def name(self) -> str:
        return f"{self.day:%a}"


@dataclass(frozen=True)
class RestTaken:
    starts_at: dt.datetime  # local
    hours: float
    rested: int | None

    @property
    def starts(self) -> str:
        return day_and_time(self.starts_at)

    @property
    def hours_text(self) -> str:
        return one_decimal(self.hours).removesuffix(".0")


@dataclass(frozen=True)
class NextRest:
    starts_at: dt.datetime  # local
    ends_at: dt.datetime  # local

    @property
    def starts(self) -> str:
        return day_and_time(self.starts_at)

    @property
    def ends(self) -> str:
        return day_and_time(self.ends_at)


@dataclass(frozen=True)
class TimeOfDay:
    """From energy-audit moments: the parts of the day with the highest and lowest average."""

    best: str
    best_energy: float
    worst: str
    worst_energy: float

    @property
    def best_text(self) -> str:
        return one_decimal(self.best_energy)

    @property
    def worst_text(self) -> str:
        return one_decimal(self.worst_energy)


@dataclass(frozen=True)
class NextStep:
    key: str
    text: str
    link_text: str
    path: str


@dataclass(frozen=True)
class WeeklySummary:
    first_day: dt.date
    last_day: dt.date
    checkins: int
    average_energy: float | None
    change: float | None  # this week's average minus the week before's, as shown rounded
    days: tuple[DayEnergy, ...]
    feeling: str | None  # a curated word, or OWN_WORD
    feeling_days: int
    need: str | None  # the need's label
    need_days: int
    interest_days: int
    mixed_days: int
    pressure_days: int
    actions_planned: int
    actions_done: int
    actions_partly: int
    rest_taken: tuple[RestTaken, ...]
    next_rest: NextRest | None
    time_of_day: TimeOfDay | None
    signal: MaskedAmbition | None
    next_step: NextStep
    insights_path: str

    @property
    def is_empty(self) -> bool:
        return self.checkins == 0

    @property
    def first(self) -> str:
        return long_day(self.first_day)

    @property
    def last(self) -> str:
        return long_day(self.last_day)

    @property
    def first_date(self) -> str:
        """ "23 November", for the subject line."""
        return f"{self.first_day.day} {self.first_day:%B}"

    @property
    def feeling_is_own(self) -> bool:
        return self.feeling == OWN_WORD

    @property
    def change_size(self) -> float | None:
        return abs(self.change) if self.change is not None else None

    @property
    def average_text(self) -> str:
        return one_decimal(self.average_energy)

    @property
    def change_text(self) -> str:
        return one_decimal(self.change_size)


@dataclass(frozen=True)
class Week:
    """One person's summary week: local dates, and the UTC instants [starts_at, ends_at)."""

    tz: ZoneInfo
    first: dt.date
    starts_at: dt.datetime
    ends_at: dt.datetime

    @classmethod
    def before(cls, now: dt.datetime, tz: ZoneInfo) -> "Week":
        monday = week_start(now.astimezone(tz).date())
        first = monday - dt.timedelta(days=7)
        return cls(tz, first, midnight(first, tz), midnight(monday, tz))

    @property
    def last(self) -> dt.date:
        return self.first + dt.timedelta(days=6)

    @property
    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range(7)]

    def holds(self, at: dt.datetime) -> bool:
        return self.starts_at <= at < self.ends_at


def one_decimal(number: float | None) -> str:
    """As the templates' floatformat:1 writes it ("4.3", "5.0")."""
    return "" if number is None else f"{number:.1f}"


def midnight(day: dt.date, tz: ZoneInfo) -> dt.datetime:
    return local_midnight(day, tz).astimezone(dt.UTC)


def link(name: str, query: str = "") -> str:
    """A path that never fails to reverse: pages that are not routed yet fall back to insights."""
    try:
        return reverse(name) + query
    except NoReverseMatch:
        return reverse("checkins:insights")


def for_users(users: Sequence[User], now: dt.datetime) -> dict[int, WeeklySummary]:
    """Each person's summary of their last complete local week, in four queries per batch."""
    if not users:
        return {}
    weeks = {user.pk: Week.before(now, zone(user.time_zone)) for user in users}
    ids = list(weeks)
    first = min(w.first for w in weeks.values()) - dt.timedelta(days=7)
    last = max(w.last for w in weeks.values())
    starts_at = min(w.starts_at for w in weeks.values())
    ends_at = max(w.ends_at for w in weeks.values())

    checkins: defaultdict[int, list[CheckIn]] = defaultdict(list)
    for checkin in (
        CheckIn.objects.filter(user_id__in=ids, checked_in_on__range=(first, last))
        .only("user_id", "checked_in_on", "feeling", "also_felt", "energy", "need", "drive")
        .order_by("checked_in_on")
        .fetch_mode(FETCH_RAISE)  # a deferred field (the note) must never be loaded here
    ):
        checkins[checkin.user_id].append(checkin)
    actions = by_user(
        WeeklyAction.objects.filter(
            user_id__in=ids, week_of__in={w.first for w in weeks.values()}
        ).values_list("user_id", "week_of", "status")
    )
    rest = by_user(rest_rows(ids, starts_at, ends_at, now))
    moments = by_user(
        EnergyMoment.objects.filter(
            audit__user_id__in=ids, occurred_at__gte=starts_at, occurred_at__lt=ends_at
        ).values_list("audit__user_id", "occurred_at", "energy")
    )
    links = {key: link(name, query) for key, (name, query) in LINKS.items()}
    return {
        pk: summarise(week, checkins[pk], actions[pk], rest[pk], moments[pk], now, links)
        for pk, week in weeks.items()
    }


def by_user(rows: Iterable[tuple]) -> defaultdict[int, list[tuple]]:
    """values_list rows whose first item is the user id, by user id, without it."""
    grouped: defaultdict[int, list[tuple]] = defaultdict(list)
    for user_id, *rest in rows:
        grouped[user_id].append(tuple(rest))
    return grouped


def rest_rows(
    ids: list[int], starts_at: dt.datetime, ends_at: dt.datetime, now: dt.datetime
) -> Iterable[tuple]:
    """Windows that ended within the batch's weeks, and each person's first window after now.

    Every summary week ended before `now`, so a row that starts after `now` is the next window.
    """
    first_next = (
        RestWindow.objects.filter(user=OuterRef("user"), starts_at__gt=now)
        .order_by("starts_at", "pk")
        .values("pk")[:1]
    )
    return (
        RestWindow.objects.filter(user_id__in=ids)
        .filter(
            Q(ends_at__gte=starts_at, ends_at__lt=ends_at)
            | Q(starts_at__gt=now, pk=Subquery(first_next))
        )
        .values_list("user_id", "starts_at", "ends_at", "rested")
        .order_by("starts_at")
    )


def summarise(
    week: Week,
    checkins: list[CheckIn],
    actions: list[tuple],
    rest: list[tuple],
    moments: list[tuple],
    now: dt.datetime,
    links: dict[str, str],
) -> WeeklySummary:
    """One person's summary from their rows of the batch (no queries)."""
    this_week = [c for c in checkins if week.first <= c.checked_in_on <= week.last]
    before = [
        c for c in checkins if week.first - dt.timedelta(days=7) <= c.checked_in_on < week.first
    ]
    average, previous = average_energy(this_week), average_energy(before)
    energy_on = {c.checked_in_on: c.energy for c in this_week}
    feeling, feeling_days = most_frequent(
        feeling_word(word) for c in this_week for word in c.feelings
    )
    need, need_days = most_frequent(NEED_LABELS[c.need] for c in this_week if c.need in NEED_LABELS)
    statuses = Counter(status for week_of, status in actions if week_of == week.first)
    # What the summary shows and what its one next step is chosen from.
    figures = {
        "checkins": len(this_week),
        "average_energy": average,
        "interest_days": sum(1 for c in this_week if c.drive and c.drive <= Drive.MORE_INTEREST),
        "pressure_days": sum(1 for c in this_week if c.is_pressure_driven),
        "actions_done": statuses[WeeklyAction.Status.DONE],
        "signal": masked_ambition(this_week, week.last),
    }
    return WeeklySummary(
        first_day=week.first,
        last_day=week.last,
        change=round(average - previous, 1) if None not in (average, previous) else None,
        days=tuple(DayEnergy(day, energy_on.get(day)) for day in week.days),
        feeling=feeling,
        feeling_days=feeling_days,
        need=need,
        need_days=need_days,
        mixed_days=sum(1 for c in this_week if c.drive == Drive.MIXED),
        actions_planned=sum(statuses.values()),
        actions_partly=statuses[WeeklyAction.Status.PARTLY],
        rest_taken=tuple(
            RestTaken(s.astimezone(week.tz), round((e - s).total_seconds() / 3600, 1), rested)
            for s, e, rested in rest
            if week.holds(e)
        ),
        next_rest=next(
            (NextRest(s.astimezone(week.tz), e.astimezone(week.tz)) for s, e, _ in rest if s > now),
            None,
        ),
        time_of_day=time_of_day(
            [(at, energy) for at, energy in moments if week.holds(at)], week.tz
        ),
        next_step=next_step(links=links, **figures),
        insights_path=links["keep"],
        **figures,
    )


def average_energy(checkins: list[CheckIn]) -> float | None:
    return round(sum(c.energy for c in checkins) / len(checkins), 1) if checkins else None


def feeling_word(feeling: str) -> str:
    """A curated word as it is; a word of the person's own stays private, even in an email."""
    return feeling if feeling in FEELINGS else OWN_WORD


def most_frequent(values: Iterable[str]) -> tuple[str | None, int]:
    """The most frequent value and its count; a tie goes to the one named most recently."""
    counts: Counter[str] = Counter()
    latest: dict[str, int] = {}
    for n, value in enumerate(values):
        counts[value] += 1
        latest[value] = n
    if not counts:
        return None, 0
    value = max(counts, key=lambda v: (counts[v], latest[v]))
    return value, counts[value]


def band(hour: int) -> str:
    return next(name for name, first, last in BANDS if first <= hour < last)


def time_of_day(moments: list[tuple[dt.datetime, int]], tz: ZoneInfo) -> TimeOfDay | None:
    """The bands with the highest and lowest average energy, when at least two bands differ.

    Moments exist only inside an energy audit, so moments in the week mean an audit ran in it.
    """
    energies: defaultdict[str, list[int]] = defaultdict(list)
    for at, energy in moments:
        energies[band(at.astimezone(tz).hour)].append(energy)
    averages = [
        (name, round(sum(energies[name]) / len(energies[name]), 1))
        for name, _, _ in BANDS
        if energies[name]
    ]
    best = max(averages, key=lambda a: a[1], default=None)
    worst = min(averages, key=lambda a: a[1], default=None)
    if best is None or worst is None or best[1] == worst[1]:
        return None
    return TimeOfDay(best[0], best[1], worst[0], worst[1])


def next_step(
    *,
    links: dict[str, str],
    checkins: int,
    average_energy: float | None,
    interest_days: int,
    pressure_days: int,
    actions_done: int,
    signal: MaskedAmbition | None,
) -> NextStep:
    """One suggestion: the first rule that applies, in this order.

    No check-ins → a check-in, whenever it suits; the masked-ambition signal → plan a rest
    window; more pressure days than interest days → a boundary statement; no values-based action
    done → one small action; an average energy at or below LOW_ENERGY → a rest exercise;
    otherwise → keep going, with a look at the insights.
    """
    if not checkins:
        key, text, link_text = (
            "checkin",
            "Whenever you have a minute, a check-in is enough to pick things up again.",
            "Check in",
        )
    elif signal:
        key, text, link_text = (
            "rest",
            "Plan a rest window this week: a stretch of time that asks nothing of you.",
            "Plan a rest window",
        )
    elif pressure_days > interest_days:
        key, text, link_text = (
            "boundary",
            "More days leaned on pressure than on interest. One boundary, said kindly, can take "
            "some of that weight off.",
            "Write a boundary statement",
        )
    elif not actions_done:
        key, text, link_text = (
            "action",
            "Choose one small action for this week that serves something you value.",
            "Pick one small action",
        )
    elif average_energy is not None and average_energy <= LOW_ENERGY:
        key, text, link_text = (
            "exercise",
            "Energy ran low this week. A short rest exercise can help you recover a little.",
            "Find a rest exercise",
        )
    else:
        key, text, link_text = (
            "keep",
            "Keep going at this pace: it seems to be working for you.",
            "See your insights",
        )
    return NextStep(key, text, link_text, links[key])


def rest_windows_by_id(ids: list[int]) -> dict[int, RestWindow]:
    """The windows a batch's rest reminders name, in one query: their times only, no text."""
    if not ids:
        return {}
    return {
        window.pk: window
        for window in RestWindow.objects.filter(pk__in=ids).only("user_id", "starts_at", "ends_at")
    }
