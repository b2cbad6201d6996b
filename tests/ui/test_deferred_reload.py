"""Views reload after changes elsewhere: at once when shown, when next shown if hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from boutique.ui.deferred_reload import DeferredReload
from boutique.ui.signals import bus


class CountingView(QWidget):
    def __init__(self):
        super().__init__()
        self.reloads = 0
        self.refresh = DeferredReload(self, self.reload,
                                      [bus().followups_changed, bus().purchases_changed])

    def reload(self):
        self.refresh.reloading()
        self.reloads += 1

    def showEvent(self, event):  # noqa: N802 - Qt naming
        super().showEvent(event)
        if self.refresh.stale:
            self.reload()


def test_a_shown_view_reloads_once_for_several_changes(qtbot):
    view = CountingView()
    qtbot.addWidget(view)
    view.show()
    bus().followups_changed.emit()
    bus().purchases_changed.emit(7)
    qtbot.waitUntil(lambda: view.reloads == 1)
    qtbot.wait(20)
    assert view.reloads == 1


def test_a_hidden_view_waits_until_shown(qtbot):
    view = CountingView()
    qtbot.addWidget(view)
    bus().followups_changed.emit()
    qtbot.wait(20)
    assert (view.reloads, view.refresh.stale) == (0, True)
    view.show()
    assert (view.reloads, view.refresh.stale) == (1, False)


def test_paused_changes_are_ignored(qtbot):
    view = CountingView()
    qtbot.addWidget(view)
    view.refresh.paused = True
    bus().followups_changed.emit()
    view.refresh.paused = False
    view.show()
    qtbot.wait(20)
    assert view.reloads == 0
