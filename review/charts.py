"""Small server-side SVG charts for the candidate page: cumulative RS/C hours and training hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from pipeline import checks
from pipeline.checks.predicates.supervision import SupervisionParams, best_window, readable
from pipeline.models import CandidateRecord

W, H, PAD_L, PAD_R, PAD_T, PAD_B = 640, 220, 48, 16, 16, 32


@dataclass(frozen=True)
class Series:
    """Cumulative hours by date, with the line to reach and an optional shaded window."""

    points: list[tuple[dt.date, float]]
    target: float
    window: tuple[dt.date, dt.date] | None = None


def params_of(requirement: str) -> object:
    return next(r.params for r in checks.default_standard().requirements if r.id == requirement)


def cumulative(dated: list[tuple[dt.date, float]]) -> list[tuple[dt.date, float]]:
    total, points = 0.0, []
    for day, hours in sorted(dated):
        total += hours
        points.append((day, total))
    return points


def rsc_series(record: CandidateRecord) -> Series:
    """Every readable RS/C session, cumulated; the window the check would count is shaded."""
    params = params_of("reflective_supervision")
    assert isinstance(params, SupervisionParams)
    sessions, _ = readable(record.of_type("supervision_session"))
    window = best_window(sessions, params)
    span = (window.sessions[0].day, window.sessions[-1].day) if window else None
    return Series(cumulative([(s.day, s.hours) for s in sessions]), params.min_hours, span)


def training_series(record: CandidateRecord) -> Series:
    """Relevant training hours by completion date, cumulated, against the minimum."""
    dated = []
    for item in record.of_type("training"):
        try:
            day = dt.date.fromisoformat(str(item.value.get("date")))
            hours = float(item.value.get("hours") or 0)
        except ValueError:
            continue
        if item.value.get("relevant", True):
            dated.append((day, hours))
    return Series(cumulative(dated), float(getattr(params_of("training_hours"), "min_hours", 30)))


def svg(series: Series, label: str) -> str:
    """The chart as an inline SVG (escaped text, no scripts)."""
    if not series.points:
        return f'<p class="muted">No dated {escape(label)} yet.</p>'
    days = [p[0] for p in series.points] + ([*series.window] if series.window else [])
    first, last = min(days), max(days)
    first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
    top = max(series.target, series.points[-1][1]) * 1.1

    def x(day: dt.date) -> float:
        return PAD_L + (day - first).days / max((last - first).days, 1) * (W - PAD_L - PAD_R)

    def y(hours: float) -> float:
        return H - PAD_B - hours / top * (H - PAD_T - PAD_B)

    parts = [f'<svg class="chart" viewBox="0 0 {W} {H}" role="img" aria-label="{escape(label)}">']
    if series.window:
        a, b = x(series.window[0]), x(series.window[1])
        parts.append(f'<rect class="window" x="{a:.1f}" y="{PAD_T}" width="{max(b - a, 2):.1f}" '
                     f'height="{H - PAD_T - PAD_B}"><title>counted window {series.window[0]} to '
                     f'{series.window[1]}</title></rect>')
    parts.append(f'<line class="axis" x1="{PAD_L}" y1="{H - PAD_B}" x2="{W - PAD_R}" y2="{H - PAD_B}"/>')
    parts.append(f'<line class="target" x1="{PAD_L}" y1="{y(series.target):.1f}" x2="{W - PAD_R}" '
                 f'y2="{y(series.target):.1f}"/><text class="label" x="{PAD_L - 4}" y="{y(series.target) + 4:.1f}" '
                 f'text-anchor="end">{series.target:g} h</text>')
    steps, previous = [], 0.0
    for day, hours in series.points:
        steps.append(f"{x(day):.1f},{y(previous):.1f} {x(day):.1f},{y(hours):.1f}")
        previous = hours
    parts.append(f'<polyline class="series" points="{" ".join(steps)}"/>')
    for day, hours in series.points:
        parts.append(f'<circle class="dot" cx="{x(day):.1f}" cy="{y(hours):.1f}" r="3">'
                     f"<title>{day}: {hours:g} h</title></circle>")
    parts.append(f'<text class="label" x="{PAD_L}" y="{H - 10}">{first + dt.timedelta(days=15)}</text>')
    parts.append(f'<text class="label" x="{W - PAD_R}" y="{H - 10}" text-anchor="end">'
                 f"{last - dt.timedelta(days=15)}</text>")
    parts.append(f'<text class="label total" x="{W - PAD_R}" y="{PAD_T + 12}" text-anchor="end">'
                 f"{escape(label)}: {series.points[-1][1]:g} h</text></svg>")
    return "".join(parts)
