"""The window fits the small screens counter PCs often have (1366 x 768, less a taskbar),
on every tab, with the figures a big book shows over Today's lists."""

from __future__ import annotations

from boutique.services.agenda import WeekSummary

SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768 - 40  # (a taskbar)
# The week's figures of the 100,000-client bench store on a December morning.
BIG_BOOK = WeekSummary(on_time=183, counted=3207, overdue=8158, lapsed=1204)


def _least_size(window) -> tuple[int, int]:
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    return least.width(), least.height()


def test_every_tab_fits_a_small_screen(qtbot, window):
    for name in [window.tabs.tabText(i) for i in range(window.tabs.count())]:
        window.show_tab(name)
        qtbot.wait(10)
        width, height = _least_size(window)
        assert width <= SCREEN_WIDTH, f"{name}: {width} px wide"
        assert height <= SCREEN_HEIGHT, f"{name}: {height} px high"


def test_a_big_books_figures_do_not_widen_the_window(qtbot, window):
    today = window.show_tab("Today")
    today.show_figures(BIG_BOOK, late_tickets=12)
    qtbot.wait(10)
    assert today.overdue.text() == "Overdue: 8,158"
    assert today.on_time.text() == "On time this week: 6% (183 of 3,207)"
    width, _height = _least_size(window)
    assert width <= SCREEN_WIDTH, f"{width} px wide"
