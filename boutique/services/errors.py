from __future__ import annotations


class ValidationError(ValueError):
    """Bad input, with the field (or row) it concerns, so the UI can point at it."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


class NotFound(LookupError):
    pass
