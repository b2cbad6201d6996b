"""A verified backup before an import or an erase writes anything, through the backup capability."""

from __future__ import annotations

from pathlib import Path

from boutique.services.backup import KEEP_MONTHLY, backup_now

# The oldest backup kept is a monthly one: data removed today stays in a backup for about
# as many months as the policy keeps monthly copies.
BACKUP_KEEPS_DAYS = round(KEEP_MONTHLY * 365 / 12)


def backup_before(reason: str) -> Path:
    """Back up the open store now (verified, thinned with the others); returns the copy."""
    return backup_now(f"before-{reason}").path
