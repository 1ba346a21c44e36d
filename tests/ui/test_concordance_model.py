"""The concordance model: lines arrive in slices, sorted by the words left or right of the match."""

from __future__ import annotations

from workbench.core.search.kwic import ConcordanceLine
from workbench.ui.models.concordance_model import ConcordanceModel, keyed


def test_concordance_lines_arriving_in_slices_stay_sorted(qtmodeltester) -> None:
    def line(n: int, left: str, right: str) -> ConcordanceLine:
        return ConcordanceLine(row=n, article_id=f"{n}", path=f"{n}", title="", source="سانا", date="", occurrence=0,
                               start=0, end=3, left=left, match="حلب", right=right)

    words = ["ثالث", "أول", "ثاني", "رابع", "خامس", "سادس"]
    model = ConcordanceModel()
    model.set_sort_side("right")
    model.append([keyed(line(n, "في", words[n])) for n in range(3)])
    model.append([keyed(line(n, "من", words[n])) for n in range(3, 6)])
    shown = [model.line(row).right for row in range(model.rowCount())]
    assert shown == sorted(words, key=lambda w: w.replace("أ", "ا"))
    model.set_sort_side(None)
    assert [model.line(row).right for row in range(model.rowCount())] == words
    qtmodeltester.check(model)
