"""The fleet as the review window's Stations tab shows it (issue 28, item 5): who is up, which software and
model each station runs, and whether its flag rate has moved.

A station is **up** when its heartbeat (kiosk/store/writer.py, about once a minute) is younger than
``DOWN_AFTER``; a station that closed says so. Its **flag rate** is its FLAG cases over everything it screened
(stored cases and counted CLEARs) in the last ``window_hours``. It is compared with two references, each by a
binomial rule (a rate further than ``Z_LIMIT`` standard errors from the reference, on at least
``MIN_SCREENED`` screenings, is out of range): the station's **own past** (the ``history_days`` before the
window) and the **fleet**: the median rate of the stations in the same window (a median, so that one station
gone wrong does not make the others look wrong). A station that runs a bundle the others do not (not the
model most stations run) is marked too: a roll-out that reached one gate only, or a bundle put there by hand.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from kiosk.store.database import Database
from kiosk.store.schema import Case, ClearCount, StationHeartbeat
from models.decision import Decision

DOWN_AFTER = timedelta(minutes=5)
Z_LIMIT = 3.0
MIN_SCREENED = 20


@dataclass(frozen=True)
class Rate:
    flags: int
    screened: int

    @property
    def value(self) -> float | None:
        return self.flags / self.screened if self.screened else None


@dataclass(frozen=True)
class StationView:
    station_id: str
    software_version: str = ""
    bundle_name: str = ""
    bundle_sha256: str = ""
    camera_state: str = ""
    last_seen_utc: datetime | None = None  # None: no heartbeat (a station from before, or never started)
    up: bool = False
    recent: Rate = Rate(0, 0)  # the last window_hours
    past: Rate = Rate(0, 0)  # the history_days before
    fleet_median: float | None = None  # the median flag rate of the stations, the last window_hours
    # why the station is highlighted: "own_past" / "fleet" (flag rate out of range), "bundle" (one of a kind)
    flags_raised: tuple[str, ...] = ()
    daily: list[tuple[datetime, Rate]] = field(default_factory=list)  # the history, day by day (UTC)


def out_of_range(rate: Rate, reference: float | None, reference_n: int) -> bool:
    """Whether ``rate`` lies more than Z_LIMIT binomial standard errors (of ``rate``'s own count) from the
    ``reference`` rate, which rests on ``reference_n`` screenings."""
    if reference is None or rate.screened < MIN_SCREENED or reference_n < MIN_SCREENED:
        return False
    floor = 0.5 / max(rate.screened, reference_n)  # a reference rate of 0 still has a spread
    p = min(max(reference, floor), 1 - floor)
    return abs(rate.value - p) > Z_LIMIT * math.sqrt(p * (1 - p) / rate.screened)


def _counts(db: Database, since: datetime, until: datetime) -> tuple[Counter, Counter, dict]:
    """(flags, screened) per station between the times, and per (station, UTC day) for the daily history."""
    flags, screened = Counter(), Counter()
    daily: dict[tuple[str, datetime], list[int]] = defaultdict(lambda: [0, 0])
    with db.session() as s:
        rows = s.execute(
            select(Case.station_id, Case.captured_utc, Case.decision).where(
                Case.captured_utc >= since, Case.captured_utc < until
            )
        )
        for station, when, decision in rows:
            flag = decision == Decision.FLAG.value
            flags[station] += flag
            screened[station] += 1
            day = daily[(station, when.replace(hour=0, minute=0, second=0, microsecond=0))]
            day[0] += flag
            day[1] += 1
        clears = s.execute(
            select(ClearCount.station_id, ClearCount.hour_utc, func.sum(ClearCount.count))
            .where(ClearCount.hour_utc >= since, ClearCount.hour_utc < until)
            .group_by(ClearCount.station_id, ClearCount.hour_utc)
        )
        for station, hour, n in clears:
            screened[station] += int(n)
            daily[(station, hour.replace(hour=0, minute=0, second=0, microsecond=0))][1] += int(n)
    return flags, screened, daily


def fleet(
    db: Database, now: datetime | None = None, window_hours: int = 24, history_days: int = 14
) -> list[StationView]:
    """Every station the store knows (from heartbeats, cases or CLEAR counts), by id."""
    now = now or datetime.now(UTC)
    window_start = now - timedelta(hours=window_hours)
    history_start = window_start - timedelta(days=history_days)
    with db.session() as s:
        beats = {b.station_id: b for b in s.execute(select(StationHeartbeat)).scalars()}
    flags, screened, _ = _counts(db, window_start, now)
    past_flags, past_screened, daily = _counts(db, history_start, window_start)
    names = sorted(set(beats) | set(screened) | set(past_screened))
    rates = [flags[n] / screened[n] for n in screened if screened[n] >= MIN_SCREENED]
    median = float(statistics.median(rates)) if rates else None
    median_n = min((screened[n] for n in screened if screened[n] >= MIN_SCREENED), default=0)
    # "runs a bundle the others do not": not the bundle most stations run (every station with a heartbeat,
    # up or down: a station down for the night still has its model); no majority: each one is odd
    bundles = Counter(b.bundle_sha256 for b in beats.values() if b.bundle_sha256)
    usual = max(bundles.values(), default=0)
    tied = list(bundles.values()).count(usual) > 1
    views = []
    for name in names:
        beat = beats.get(name)
        recent = Rate(flags[name], screened[name])
        past = Rate(past_flags[name], past_screened[name])
        raised = []
        if out_of_range(recent, past.value, past.screened):
            raised.append("own_past")
        if len(rates) >= 3 and out_of_range(recent, median, median_n):  # two stations: no majority to go by
            raised.append("fleet")
        if beat is not None and len(bundles) > 1 and (bundles[beat.bundle_sha256] < usual or tied):
            raised.append("bundle")
        history = sorted((day, Rate(*v)) for (st, day), v in daily.items() if st == name)
        views.append(
            StationView(
                station_id=name,
                software_version=beat.software_version if beat else "",
                bundle_name=beat.bundle_name if beat else "",
                bundle_sha256=beat.bundle_sha256 if beat else "",
                camera_state=beat.camera_state if beat else "",
                last_seen_utc=beat.last_seen_utc if beat else None,
                up=beat is not None and _up(beat, now),
                recent=recent,
                past=past,
                fleet_median=median,
                flags_raised=tuple(raised),
                daily=history,
            )
        )
    return views


def _up(beat: StationHeartbeat, now: datetime) -> bool:
    return beat.camera_state != "closed" and now - beat.last_seen_utc <= DOWN_AFTER
