"""One window per store: the lock beside the store, and a local socket to raise the first
window when a second launch finds the lock taken."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget


def server_name(store: Path) -> str:
    digest = hashlib.sha1(str(Path(store).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"boutique-{digest}"


def ask_first_window_to_raise(store: Path, wait_ms: int = 500) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(server_name(store))
    if not socket.waitForConnected(wait_ms):
        return False
    socket.write(b"raise\n")
    socket.waitForBytesWritten(wait_ms)
    socket.disconnectFromServer()
    return True


def listen_for_second_launch(store: Path, window: QWidget) -> QLocalServer:
    server = QLocalServer(window)
    QLocalServer.removeServer(server_name(store))  # a stale name after a crash

    def on_connection() -> None:
        connection = server.nextPendingConnection()
        if connection is not None:
            connection.close()
        window.showNormal()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(on_connection)
    server.listen(server_name(store))
    return server
