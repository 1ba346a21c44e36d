"""Numbers and dates as the interface shows them: one digit style everywhere (a setting).

Arabic readers use Western digits (0123) in some countries and Arabic-Indic ones (٠١٢٣) in
others; mixing both on one screen reads as a mistake. ``apply_digit_style`` makes the choice the
application's default ``QLocale``, so Qt's own number rendering (``%Ln`` in translated plurals,
spin boxes, numbers a view displays) follows it, and the helpers here format everything the
workbench writes itself: counts, dates, durations, scores. Article text and what the user typed
are shown as written.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from workbench.core.arabic import arabic_indic_digits

WESTERN, ARABIC_INDIC = "western", "arabic-indic"
DIGIT_STYLES = (WESTERN, ARABIC_INDIC)

_style = WESTERN


def digit_locale(style: str) -> QLocale:
    """The locale whose number formatting writes ``style`` digits (with its grouping marks)."""
    if style == ARABIC_INDIC:
        return QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def apply_digit_style(style: str) -> None:
    """Make ``style`` the digits of every number shown from now on (unknown styles: Western)."""
    global _style
    _style = style if style in DIGIT_STYLES else WESTERN
    QLocale.setDefault(digit_locale(_style))


def digit_style() -> str:
    """The digit style in use."""
    return _style


def digits(text: str) -> str:
    """``text`` with its Western digits written in the digit style (dates, times, versions)."""
    return arabic_indic_digits(text) if _style == ARABIC_INDIC else text


def number(value: int) -> str:
    """An integer with grouping marks, in the digit style: 12,345 or ١٢٬٣٤٥."""
    return str(digit_locale(_style).toString(int(value)))


def decimal(value: float, places: int = 1) -> str:
    """A decimal number with ``places`` decimals, in the digit style."""
    return str(digit_locale(_style).toString(float(value), "f", places))


def duration(seconds: float) -> str:
    """Seconds as H:MM:SS or M:SS, in the digit style."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return digits(f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}")

