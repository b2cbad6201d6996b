from __future__ import annotations


class ValidationError(ValueError):
    """Bad input, with the field (or row) it concerns, so the UI can point at it."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class NotFound(LookupError):
    pass


class StoreUnusable(Exception):
    """The store cannot be opened, read or written: one sentence saying what and why.

    `busy` is true when it stayed locked by another writer past the busy timeout (the
    command line exits 3 then, 2 otherwise)."""

    def __init__(self, message: str, busy: bool = False):
        super().__init__(message)
        self.busy = busy
