from __future__ import annotations

import pytest


@pytest.fixture
def window(qtbot, db, db_path):
    from boutique.ui.application import create_application
    from boutique.ui.main_window import MainWindow

    create_application()
    main = MainWindow(str(db_path))
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


@pytest.fixture
def close_modal_later(qtbot):
    """Run `action(dialog)` on the next modal dialog that opens (exec blocks the test)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def schedule(action, attempts: int = 50):
        def check():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                if attempts_left[0] > 0:
                    attempts_left[0] -= 1
                    QTimer.singleShot(20, check)
                return
            try:
                action(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()  # never leave a modal dialog blocking the test

        attempts_left = [attempts]
        QTimer.singleShot(0, check)

    return schedule
