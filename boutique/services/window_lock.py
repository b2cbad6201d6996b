"""One window per store: an exclusive lock on a file beside the store, held while open.

The lock is the operating system's (filelock: flock on POSIX, msvcrt on Windows), so a
window that crashed or was killed releases it at once; the file itself stays, harmless.
The command line takes no lock: it may read and write alongside the window.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout


class StoreInUse(Exception):
    """The store is open in another Boutique window."""


def lock_path(store: Path) -> Path:
    return store.with_name(store.name + ".lock")


class WindowLock:
    def __init__(self, store: Path):
        self.store = Path(store)
        self._lock = FileLock(str(lock_path(self.store)), timeout=0, mode=0o600)

    def acquire(self) -> WindowLock:
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreInUse(f"The store {self.store} is open in another Boutique window.") from None
        return self

    def release(self) -> None:
        self._lock.release()
