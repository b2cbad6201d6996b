"""QApplication bootstrap: open the store (filling the demo on first use), show the window."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

DEMO_CLIENTS = 300


def create_application(app_name: str = "Boutique") -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(app_name)
    app.setOrganizationName(app_name)
    from boutique.ui.style import apply_style

    apply_style(app)
    return app


def open_store(db_path: Path, demo: bool) -> None:
    from boutique.models import Client, open_database
    from boutique.services.demo.build import build_demo

    open_database(db_path)
    if demo and not Client.select().exists():
        build_demo(DEMO_CLIENTS, seed=7)


def run(db_path: Path, demo: bool = False, quit_after_ready: bool = False,
        app_name: str = "Boutique") -> int:
    app = create_application(app_name)
    try:
        open_store(db_path, demo)
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
