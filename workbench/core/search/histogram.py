"""Articles over time: how many articles of a result set fall on each day, week or month, per source.

What news researchers read attention from (Media Cloud's main view); the GUI's timeline paints it
and ``workbench search --histogram`` prints it. Buckets are consecutive, empty ones included, so
a gap in coverage shows as a gap; weeks start on Monday (ISO 8601).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbench.core.errors import QueryError
from workbench.core.messages import translatable

BUCKETS = ("day", "week", "month")
MAX_BUCKETS = 5000
"""More buckets than any screen or table can show (14 years of days): beyond it, use a longer bucket."""


@dataclass(frozen=True)
class Histogram:
    """Article counts per time bucket and source.

    ``starts[i]`` is the first day of bucket i (ISO); ``counts[i][j]`` counts the articles of
    ``sources[j]`` in bucket i. Sources are ordered by total, largest first. Articles without a
    date are counted in ``undated`` only.
    """

    bucket: str
    starts: tuple[str, ...]
    sources: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    undated: int = 0

    def totals(self) -> list[int]:
        """Articles per bucket, all sources together."""
        return [sum(row) for row in self.counts]

    def source_totals(self) -> dict[str, int]:
        """Dated articles per source, largest first."""
        return {source: sum(row[j] for row in self.counts) for j, source in enumerate(self.sources)}

    def end_of(self, i: int) -> str:
        """The last day of bucket i (ISO)."""
        return (_next_start(self.bucket, _parse(self.starts[i])) - dt.timedelta(days=1)).isoformat()

    def bucket_of(self, date: str) -> int:
        """The index of the bucket a date falls in, clamped to the first and last bucket."""
        if not self.starts:
            return 0
        start = _bucket_start(self.bucket, _parse(date)).isoformat()
        if start <= self.starts[0]:
            return 0
        if start >= self.starts[-1]:
            return len(self.starts) - 1
        return self.starts.index(start)

    def regrouped(self, bucket: str) -> Histogram:
        """The same counts in longer buckets (a day histogram by week or month); the same
        histogram when ``bucket`` is not longer than its own."""
        if BUCKETS.index(checked_bucket(bucket)) <= BUCKETS.index(self.bucket):
            return self
        cells: Counter[tuple[dt.date, str]] = Counter()
        for start, row in zip(self.starts, self.counts, strict=True):
            target = _bucket_start(bucket, _parse(start))
            for source, count in zip(self.sources, row, strict=True):
                if count:
                    cells[target, source] += count
        return _assemble(bucket, cells, self.undated)

    def to_json(self) -> dict[str, Any]:
        """The JSON form ``workbench search --histogram`` prints."""
        return {
            "bucket": self.bucket,
            "sources": list(self.sources),
            "undated": self.undated,
            "buckets": [
                {"start": start, "end": self.end_of(i), "total": sum(row),
                 "sources": {source: count for source, count in zip(self.sources, row, strict=True) if count}}
                for i, (start, row) in enumerate(zip(self.starts, self.counts, strict=True))
            ],
        }


def checked_bucket(bucket: str) -> str:
    """``bucket`` if it is one of BUCKETS; QueryError (a message for the user) otherwise."""
    if bucket not in BUCKETS:
        raise QueryError(translatable("Unknown time bucket '{bucket}': use one of {buckets}."),
                         bucket=bucket, buckets=", ".join(BUCKETS))
    return bucket


def build_histogram(articles: Iterable[tuple[str, str]], bucket: str = "day") -> Histogram:
    """Count (date, source) pairs per bucket and source; a date that is not ISO counts as undated."""
    checked_bucket(bucket)
    pairs = Counter(articles)  # few distinct (date, source) pairs: parse each date once
    cells: Counter[tuple[dt.date, str]] = Counter()
    undated = 0
    for (date, source), count in pairs.items():
        day = _parse_or_none(date)
        if day is None:
            undated += count
        else:
            cells[_bucket_start(bucket, day), source] += count
    return _assemble(bucket, cells, undated)


def _assemble(bucket: str, cells: Counter[tuple[dt.date, str]], undated: int) -> Histogram:
    """The histogram of counts per (bucket start, source), with every bucket between the first
    and the last one (empty ones too)."""
    if not cells:
        return Histogram(bucket, (), (), (), undated)
    per_source: Counter[str] = Counter()
    for (_, source), count in cells.items():
        per_source[source] += count
    sources = tuple(sorted(per_source, key=lambda s: (-per_source[s], s)))
    column = {source: j for j, source in enumerate(sources)}
    first = min(start for start, _ in cells)
    last = max(start for start, _ in cells)
    starts = [first]
    while starts[-1] < last:
        starts.append(_next_start(bucket, starts[-1]))
        if len(starts) > MAX_BUCKETS:
            raise QueryError(translatable("The results span more than {limit} {bucket}s: count them by a longer "
                                          "period (week or month)."), limit=MAX_BUCKETS, bucket=bucket)
    row_of = {start: i for i, start in enumerate(starts)}
    counts = [[0] * len(sources) for _ in starts]
    for (start, source), count in cells.items():
        counts[row_of[start]][column[source]] = count
    return Histogram(bucket, tuple(s.isoformat() for s in starts), sources,
                     tuple(tuple(row) for row in counts), undated)


def suggested_bucket(days: int, bars: int) -> str:
    """The finest bucket that shows ``days`` consecutive days in at most ``bars`` bars."""
    if days <= bars:
        return "day"
    if days <= bars * 7:
        return "week"
    return "month"


def _parse(date: str) -> dt.date:
    return dt.date.fromisoformat(date[:10])


def _parse_or_none(date: str) -> dt.date | None:
    try:
        return _parse(date) if date else None
    except ValueError:
        return None


def _bucket_start(bucket: str, day: dt.date) -> dt.date:
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _next_start(bucket: str, start: dt.date) -> dt.date:
    if bucket == "week":
        return start + dt.timedelta(days=7)
    if bucket == "month":
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return start + dt.timedelta(days=1)
