"""Geometry for small server-rendered SVG charts. Templates draw; this module only measures.

Every chart on the site also has a table alternative next to it, so these shapes carry no
information that is not available as text.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    href: str = ""  # where choosing the point leads (its day), if anywhere


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    css_class: str = ""


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    paths: list[str] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    bars: list[Bar] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    baseline: float | None = None

    @property
    def left(self) -> int:
        return PAD_LEFT

    @property
    def right(self) -> int:
        return self.width - PAD_RIGHT


PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 64, 20, 8, 24


def _scale(value: float, low: float, high: float, out_low: float, out_high: float) -> float:
    if high == low:
        return (out_low + out_high) / 2
    return out_low + (value - low) * (out_high - out_low) / (high - low)


def line_chart(
    values: Sequence[float | None],
    labels: Sequence[str],
    *,
    y_range: tuple[float, float],
    y_ticks: Sequence[float],
    x_tick_every: int = 1,
    width: int = 640,
    height: int = 200,
    hrefs: Sequence[str] | None = None,
) -> Chart:
    """One series over evenly spaced days; None leaves a gap (a day without a check-in).

    hrefs: a link for each value's point (its day's page), if they should lead somewhere.
    """
    chart = Chart(width=width, height=height)
    left, right = PAD_LEFT, width - PAD_RIGHT
    top, bottom = PAD_TOP, height - PAD_BOTTOM
    count = max(len(values) - 1, 1)
    segment: list[str] = []
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        x = round(_scale(index, 0, count, left, right), 1)
        if index % x_tick_every == 0:
            chart.x_ticks.append(Tick(x, label))
        if value is None:
            if segment:
                chart.paths.append(" ".join(segment))
            segment = []
            continue
        y = round(_scale(value, *y_range, bottom, top), 1)
        segment.append(f"{'M' if not segment else 'L'}{x},{y}")
        href = hrefs[index] if hrefs else ""
        chart.points.append(Point(x, y, f"{label}: {value:g}", href))
    if segment:
        chart.paths.append(" ".join(segment))
    chart.y_ticks = [Tick(round(_scale(v, *y_range, bottom, top), 1), f"{v:g}") for v in y_ticks]
    return chart


def diverging_bars(
    values: Sequence[float | None],
    labels: Sequence[str],
    *,
    limit: float,
    width: int = 640,
    height: int = 120,
) -> Chart:
    """Bars up from a middle line for positive values and down for negative ones."""
    chart = Chart(width=width, height=height)
    left, right = PAD_LEFT, width - PAD_RIGHT
    top, bottom = PAD_TOP, height - PAD_BOTTOM
    middle = round((top + bottom) / 2, 1)
    chart.baseline = middle
    slot = (right - left) / max(len(values), 1)
    bar_width = round(max(slot * 0.7, 1), 1)
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        if value is None or value == 0:
            continue
        y_end = _scale(value, -limit, limit, bottom, top)
        x = round(left + index * slot + (slot - bar_width) / 2, 1)
        y, h = (y_end, middle - y_end) if value > 0 else (middle, y_end - middle)
        css = "bar--up" if value > 0 else "bar--down"
        chart.bars.append(Bar(x, round(y, 1), bar_width, round(h, 1), label, css))
    return chart


def horizontal_bars(counts: Sequence[tuple[str, int]], *, width: int = 640, row: int = 28) -> Chart:
    """One labelled bar per row, scaled to the largest count."""
    label_width = 120
    chart = Chart(width=width, height=max(len(counts), 1) * row + 8)
    largest = max((count for _, count in counts), default=0) or 1
    for index, (label, count) in enumerate(counts):
        length = round((width - label_width - 48) * count / largest, 1)
        chart.bars.append(Bar(label_width, index * row + 4, length, row - 10, f"{label}: {count}"))
        chart.y_ticks.append(Tick(index * row + row / 2 + 2, label))
    return chart


def scatter(
    pairs: Sequence[tuple[float, float]],
    *,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    x_ticks: Sequence[float],
    y_ticks: Sequence[float],
    x_unit: str = "",
    width: int = 400,
    height: int = 240,
) -> Chart:
    chart = Chart(width=width, height=height)
    left, right = PAD_LEFT, width - PAD_RIGHT
    top, bottom = PAD_TOP, height - PAD_BOTTOM
    for x_value, y_value in pairs:
        x = round(_scale(x_value, *x_range, left, right), 1)
        y = round(_scale(y_value, *y_range, bottom, top), 1)
        chart.points.append(Point(x, y, f"{x_value:g}{x_unit}: {y_value:g}"))
    chart.x_ticks = [Tick(round(_scale(v, *x_range, left, right), 1), f"{v:g}") for v in x_ticks]
    chart.y_ticks = [Tick(round(_scale(v, *y_range, bottom, top), 1), f"{v:g}") for v in y_ticks]
    return chart


def paired_columns(
    groups: Sequence[tuple[str, tuple[float | None, str], tuple[float | None, str]]],
    *,
    limits: tuple[float, float],
    width: int = 640,
    height: int = 200,
) -> Chart:
    """Two columns side by side under each label, each measured on its own scale from 0 to its
    limit (planned hours beside usual energy, say), each with its own title. A missing value
    draws no column."""
    chart = Chart(width=width, height=height)
    left, right = PAD_LEFT, width - PAD_RIGHT
    top, bottom = PAD_TOP, height - PAD_BOTTOM
    chart.baseline = bottom
    slot = (right - left) / max(len(groups), 1)
    column = round(max(slot * 0.32, 1), 1)
    for index, (label, *pair) in enumerate(groups):
        start = left + index * slot + (slot - 2 * column) / 2
        chart.x_ticks.append(Tick(round(left + (index + 0.5) * slot, 1), label))
        for side, ((value, title), limit) in enumerate(zip(pair, limits, strict=True)):
            if value is None:
                continue
            y = round(_scale(min(value, limit), 0, limit or 1, bottom, top), 1)
            css = "bar--second" if side else ""
            x = round(start + side * column, 1)
            chart.bars.append(Bar(x, y, column, round(bottom - y, 1), title, css))
    return chart
