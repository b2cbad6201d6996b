"""QApplication bootstrap: open the store through the entry's opener, show the window."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def create_application(app_name: str = "Boutique") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(app_name)
    app.setOrganizationName(app_name)
    from boutique.ui.style import apply_style

    apply_style(app)
    return app


def _helper_peak_kb() -> int | None:
    """The largest peak memory of the processes this one started and saw end (POSIX)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # (bytes there, KiB here)


def _open_with_a_way_on(db_path: Path, open_store: Callable[[Path], None]) -> Path | None:
    """Open the store; on failure say the sentence and offer another file. Returns the
    path opened, or None when the user gave up."""
    from boutique.services.errors import StoreUnusable

    path = db_path
    while True:
        try:
            open_store(path)
            return path
        except StoreUnusable as exc:
            sentence = str(exc)
        except Exception as exc:  # the one place a failure must reach the user, not a trace
            sentence = f"{path}: {exc}"
        from boutique.ui.store_dialogs import choose_store_file, unusable_store_box

        box = unusable_store_box(sentence, path)
        box.exec()
        if box.clickedButton() is not box.choose:
            return None
        chosen = choose_store_file(None, path)
        if chosen is None:
            return None
        path = chosen


def run(db_path: Path, open_store: Callable[[Path], None], demo: bool = False,
        quit_after_ready: bool = False, app_name: str = "Boutique",
        today: dt.date | None = None, ahead=None) -> int:
    """Show the window on the store that `open_store(path)` (the entry's work) opens.
    `ahead`: the day's agenda being worked out on the other core (services.today_ahead),
    adopted when Today first fills."""
    try:
        return _run(db_path, open_store, demo, quit_after_ready, app_name, today, ahead)
    finally:
        if ahead is not None:
            ahead.stop()


def _run(db_path, open_store, demo, quit_after_ready, app_name, today, ahead) -> int:
    from boutique.services.window_lock import StoreInUse, WindowLock
    from boutique.ui.single_window import ask_first_window_to_raise, listen_for_second_launch

    app = create_application(app_name)
    lock = WindowLock(db_path)
    try:
        lock.acquire()
    except StoreInUse:
        raised = ask_first_window_to_raise(db_path)
        if not quit_after_ready:
            from boutique.ui.store_dialogs import second_window_box

            second_window_box(db_path, raised).exec()
        print(f"{db_path} is already open in another Boutique window", file=sys.stderr)
        return 1
    opened = _open_with_a_way_on(db_path, open_store)
    if opened is None:
        lock.release()
        return 2
    from boutique.ui.main_window import MainWindow

    # The window paints at once; Today's lists fill on the next turn of the event loop.
    window = MainWindow(str(opened), demo=demo, fill_today_later=True, today=today,
                        before_first_fill=None if ahead is None else ahead.take)
    today = window.tab("Today")
    if quit_after_ready:
        # For timing start-up: painted (the placeholder is on screen) and ready (the turn
        # of the event loop after Today filled, so after it was painted filled).
        def report_and_quit() -> None:
            print(f"ready_at={time.time():.6f}", flush=True)
            helper = _helper_peak_kb()
            if helper is not None:  # (the process that worked the agenda out ahead)
                print(f"helper_peak_kb={helper}", flush=True)
            app.quit()

        today.filling.connect(lambda: print(f"painted_at={time.time():.6f}", flush=True))
        today.filled.connect(lambda: QTimer.singleShot(0, report_and_quit))
    else:
        window.prepare_agenda_after_first_fill()
    window.show()
    window.single_window_server = listen_for_second_launch(db_path, window)
    window.start_daily_backup()
    try:
        return app.exec()
    finally:
        lock.release()
