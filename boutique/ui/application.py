"""QApplication bootstrap: open the store through the entry's opener, show the window."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def create_application(app_name: str = "Boutique") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(app_name)
    app.setOrganizationName(app_name)
    from boutique.ui.style import apply_style

    apply_style(app)
    return app


def run(db_path: Path, open_store: Callable[[], None], demo: bool = False,
        quit_after_ready: bool = False, app_name: str = "Boutique") -> int:
    """Show the window on the store that `open_store` (the entry's work) opens."""
    app = create_application(app_name)
    try:
        open_store()
    except Exception as exc:  # the one place a failure must reach the user, not a trace
        QMessageBox.critical(None, app_name, f"The store {db_path} could not be opened:\n{exc}")
        return 1
    from boutique.ui.main_window import MainWindow

    window = MainWindow(str(db_path), demo=demo)
    window.show()
    if quit_after_ready:
        # For timing start-up: the first turn of the event loop comes after the first paint.
        def report_and_quit() -> None:
            print(f"ready_at={time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, report_and_quit)
    return app.exec()
