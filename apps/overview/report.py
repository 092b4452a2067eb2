"""A report to take to a therapist, coach or doctor.

The person picks a range of days and the sections; journal entries go in only when ticked, one
by one or all. The report is the same server-rendered HTML and SVG as a printable page or, through
WeasyPrint, as a PDF. It is made on request and never stored: nothing of it is written to disk or
cache, and both answers say `Cache-Control: private, no-store`. Each section reads its rows in
one query, and only when chosen, so the work grows with what is in the range, not with history.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from statistics import fmean

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from apps.accounts.models import User
from apps.checkins.insights import LOW_ENERGY, SIGNAL_MIN_DAYS, SIGNAL_WINDOW, drive_score
from apps.checkins.models import BurnoutCheck, CheckIn, JournalEntry
from apps.checkins.selfcheck import trend
from apps.checkins.together import SLEEP_BANDS
from apps.lib import charts
from apps.lib.dates import local_midnight, week_start, zone
from apps.planning.models import BoundaryPractice, RestWindow, WeeklyAction
from apps.resources.models import Need

SECTIONS = (
    ("checkins", "Check-ins: energy and drive"),
    ("needs", "Needs"),
    ("masked", "Masked-ambition days"),
    ("sleep", "Sleep and next-day energy"),
    ("selfcheck", "Burnout self-check"),
    ("rest", "Rest windows"),
    ("boundaries", "Boundaries practised"),
    ("actions", "Values-based actions"),
)
MAX_DAYS = 3 * 366
DEFAULT_DAYS = 90


@dataclass(frozen=True)
class Month:
    start: dt.date
    days: int
    average_energy: float
    pressure_days: int
    masked_days: int


@dataclass(frozen=True)
class Period:
    """Days in a row when the masked-ambition signal held."""

    first: dt.date
    last: dt.date


class Report:
    """Everything a report shows, each section read when it is first asked for."""

    def __init__(
        self,
        user: User,
        first: dt.date,
        last: dt.date,
        sections: list[str],
        entries: list[int] | str = (),
    ) -> None:
        self.user, self.first, self.last = user, first, last
        self.sections = [(key, title) for key, title in SECTIONS if key in sections]
        self.chosen = {key for key, _ in self.sections}
        self.entry_choice = entries  # "all", or the ids of the entries ticked

    @property
    def name(self) -> str:
        return self.user.display_name or self.user.email

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @cached_property
    def checkins(self) -> list[CheckIn]:
        if not self.chosen & {"checkins", "needs", "masked", "sleep"}:
            return []
        return list(
            CheckIn.objects.for_user(self.user)
            .between(self.first, self.last)
            .only("checked_in_on", "energy", "need", "drive", "sleep_hours")
            .order_by("checked_in_on")
        )

    # --- Check-ins --------------------------------------------------------------------------
    @property
    def average_energy(self) -> float | None:
        return round(fmean(c.energy for c in self.checkins), 1) if self.checkins else None

    @property
    def pressure_days(self) -> int:
        return sum(1 for c in self.checkins if c.is_pressure_driven)

    @cached_property
    def weeks(self) -> list[tuple[dt.date, list[CheckIn]]]:
        """Each week of the range from its Monday, with its check-ins."""
        weeks: dict[dt.date, list[CheckIn]] = {}
        monday = week_start(self.first)
        while monday <= self.last:
            weeks[monday] = []
            monday += dt.timedelta(weeks=1)
        for checkin in self.checkins:
            weeks[week_start(checkin.checked_in_on)].append(checkin)
        return list(weeks.items())

    @cached_property
    def energy_chart(self) -> charts.Chart:
        """Each week's average energy: a week per point keeps two years readable on paper."""
        labels = [f"{monday:%-d %b %Y}" for monday, _ in self.weeks]
        return charts.line_chart(
            [round(fmean(c.energy for c in cs), 1) if cs else None for _, cs in self.weeks],
            labels,
            y_range=(1, 10),
            y_ticks=(1, 4, 7, 10),
            x_tick_every=max(len(labels) // 6, 1),
        )

    @cached_property
    def drive_chart(self) -> charts.Chart:
        """Each week's average drive: above the line toward interest, below toward pressure."""
        values = []
        for _, checkins in self.weeks:
            scores = [s for c in checkins if (s := drive_score(c)) is not None]
            values.append(round(fmean(scores), 2) if scores else None)
        labels = [f"Week of {monday:%-d %b %Y}" for monday, _ in self.weeks]
        return charts.diverging_bars(values, labels, limit=2)

    @cached_property
    def months(self) -> list[Month]:
        by_month: dict[dt.date, list[CheckIn]] = {}
        for checkin in self.checkins:
            by_month.setdefault(checkin.checked_in_on.replace(day=1), []).append(checkin)
        masked = set(self.masked_days)
        return [
            Month(
                start,
                len(checkins),
                round(fmean(c.energy for c in checkins), 1),
                sum(1 for c in checkins if c.is_pressure_driven),
                sum(1 for c in checkins if c.checked_in_on in masked),
            )
            for start, checkins in by_month.items()
        ]

    # --- Needs ------------------------------------------------------------------------------
    @property
    def needs(self) -> list[tuple[str, int]]:
        names = dict(Need.choices)
        counts = Counter(c.need for c in self.checkins if c.need)
        return [(names.get(need, need), count) for need, count in counts.most_common()]

    # --- Masked ambition --------------------------------------------------------------------
    @cached_property
    def masked_days(self) -> list[dt.date]:
        """Days with low energy and a drive on the pressure side."""
        return [
            c.checked_in_on
            for c in self.checkins
            if c.energy <= LOW_ENERGY and c.is_pressure_driven
        ]

    @cached_property
    def masked_periods(self) -> list[Period]:
        """When the signal held: SIGNAL_MIN_DAYS such days within the SIGNAL_WINDOW days up to
        a day, as on Today, joined into runs of days."""
        masked = set(self.masked_days)
        periods: list[Period] = []
        for day in self._range_days():
            window = (day - dt.timedelta(days=n) for n in range(SIGNAL_WINDOW))
            if sum(1 for d in window if d in masked) < SIGNAL_MIN_DAYS:
                continue
            if periods and periods[-1].last == day - dt.timedelta(days=1):
                periods[-1] = Period(periods[-1].first, day)
            else:
                periods.append(Period(day, day))
        return periods

    def _range_days(self) -> Iterator[dt.date]:
        return (self.first + dt.timedelta(days=n) for n in range(self.days))

    # --- Sleep ------------------------------------------------------------------------------
    @cached_property
    def sleep_pairs(self) -> list[tuple[float, int]]:
        """Each night's hours of sleep and the energy of the day after (one check-in holds both:
        its sleep is the night before its day)."""
        return [
            (float(c.sleep_hours), c.energy) for c in self.checkins if c.sleep_hours is not None
        ]

    @property
    def sleep_bands(self) -> list[tuple[str, int, float | None]]:
        bands = []
        for name, low, high in SLEEP_BANDS:
            energies = [e for hours, e in self.sleep_pairs if low <= hours < high]
            bands.append((name, len(energies), round(fmean(energies), 1) if energies else None))
        return bands

    @property
    def sleep_chart(self) -> charts.Chart:
        return charts.scatter(
            self.sleep_pairs,
            x_range=(0, 12),
            y_range=(1, 10),
            x_ticks=(0, 4, 8, 12),
            y_ticks=(1, 4, 7, 10),
            x_unit=" h",
        )

    # --- The burnout self-check -------------------------------------------------------------
    @cached_property
    def burnout_checks(self) -> list[BurnoutCheck]:
        if "selfcheck" not in self.chosen:
            return []
        checks = BurnoutCheck.objects.for_user(self.user)
        return list(checks.filter(taken_on__range=(self.first, self.last)))

    @property
    def burnout_trend(self) -> dict[str, charts.Chart]:
        return trend(self.burnout_checks)

    # --- Rest, boundaries, actions ----------------------------------------------------------
    @cached_property
    def rest_windows(self) -> list[RestWindow]:
        if "rest" not in self.chosen:
            return []
        tz = zone(self.user.time_zone)
        start = local_midnight(self.first, tz)
        end = local_midnight(self.last + dt.timedelta(days=1), tz)
        windows = RestWindow.objects.for_user(self.user).filter(
            starts_at__gte=start, starts_at__lt=end
        )
        return list(windows.only("starts_at", "ends_at", "rested").order_by("starts_at"))

    @property
    def rest_kept(self) -> list[RestWindow]:
        """The windows that are over and were reflected on: the ones known to have been kept."""
        return [w for w in self.rest_windows if w.rested is not None]

    @property
    def average_rested(self) -> float | None:
        kept = self.rest_kept
        return round(fmean(w.rested for w in kept), 1) if kept else None

    @cached_property
    def boundaries(self) -> list[dict]:
        """Each statement practised in the range, with how the practices went."""
        if "boundaries" not in self.chosen:
            return []
        practices = (
            BoundaryPractice.objects.filter(
                statement__user=self.user, practised_on__range=(self.first, self.last)
            )
            .select_related("statement")
            .only("outcome", "statement__text", "statement__id")
            .order_by("statement_id")
        )
        labels = dict(BoundaryPractice.Outcome.choices)
        by_statement: dict[int, tuple[str, Counter]] = {}
        for practice in practices:
            _, outcomes = by_statement.setdefault(
                practice.statement_id, (practice.statement.text, Counter())
            )
            outcomes[labels[practice.outcome]] += 1
        # Lists, not Counters: a template reads `outcomes.items` as the key "items".
        return sorted(
            (
                {"text": text, "times": outcomes.total(), "outcomes": outcomes.most_common()}
                for text, outcomes in by_statement.values()
            ),
            key=lambda statement: -statement["times"],
        )

    @cached_property
    def actions(self) -> list[WeeklyAction]:
        if "actions" not in self.chosen:
            return []
        weeks = (week_start(self.first), self.last)
        rows = WeeklyAction.objects.for_user(self.user).filter(week_of__range=weeks)
        return list(rows.only("week_of", "title", "status").order_by("week_of", "created_at"))

    @property
    def action_counts(self) -> list[tuple[str, int]]:
        counts = Counter(a.status for a in self.actions)
        return [(label, counts[key]) for key, label in WeeklyAction.Status.choices if counts[key]]

    # --- The journal ------------------------------------------------------------------------
    @cached_property
    def journal(self) -> list[JournalEntry]:
        if not self.entry_choice:
            return []
        entries = JournalEntry.objects.for_user(self.user).filter(
            written_on__range=(self.first, self.last)
        )
        if self.entry_choice != "all":
            entries = entries.filter(pk__in=self.entry_choice)
        return list(entries.order_by("written_on", "created_at"))


def report_pdf(report: Report) -> bytes:
    """The report as a PDF. WeasyPrint (and Pango under it) is loaded by the first report made,
    not by every process that loads the URLconf: a worker, say, never makes one."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher, URLFetchingError

    class NoFetching(URLFetcher):
        """A report is one document: WeasyPrint fetches nothing, from the network or disk."""

        def fetch(self, url: str, headers: dict | None = None) -> None:
            raise URLFetchingError(f"A report fetches nothing: {url}")

    html = render_to_string("overview/report.html", {"report": report, "for_pdf": True})
    css = CSS(filename=finders.find("css/report.css"), url_fetcher=NoFetching())
    return HTML(string=html, url_fetcher=NoFetching()).write_pdf(stylesheets=[css])
