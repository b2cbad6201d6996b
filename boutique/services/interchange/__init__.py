"""Moving in and out: importing the book from the shop's systems, exporting it.

Owns reading files of other systems (`reading`: encodings and CSV dialects), recognising
their format by the headers (`formats`), turning their rows into client fields (`mapping`),
the preview of an import with duplicates matched and every problem named by row, field and
reason (`plan`), applying it in one transaction after a verified backup (`apply`,
`safety`), and the Boutique CSV export with formulas neutralised (`export`; purchases item by item
in `purchases_csv`, both ways).

Public names: `build_plan`, `ImportPlan`, `Problem`, `apply_plan`, `detect_format`,
`FORMATS`, `export_clients_csv`, `neutralise`, `backup_before`, `BACKUP_KEEPS_DAYS`, `erase_client`, `client_record`,
`backups_clear_on`. Erasing a client for good and her record as JSON (`erase`).

May use: `clients` (through its __init__), the top-level `settings`, `errors` and `text`,
`notes`, `returns` and `service_desk` (through their __init__: a client's record holds
her returns, credit and tickets), the models, and
`boutique.models.migrations.backup_file` for the backup.
"""

from boutique.services.interchange.apply import ImportCancelled, apply_plan, failure_message
from boutique.services.interchange.erase import backups_clear_on, client_record, erase_client
from boutique.services.interchange.export import export_clients_csv, export_vcard, neutralise
from boutique.services.interchange.formats import (
    FIXED_FORMATS,
    FORMAT_NAMES,
    FORMATS,
    detect_format,
)
from boutique.services.interchange.mapping import MEANINGS, NOT_IMPORTED
from boutique.services.interchange.mapping import targets as mapping_targets
from boutique.services.interchange.plan import ImportPlan, Problem, build_plan
from boutique.services.interchange.purchases_csv import export_purchases_csv
from boutique.services.interchange.safety import BACKUP_KEEPS_DAYS, backup_before

__all__ = [
    "BACKUP_KEEPS_DAYS", "FIXED_FORMATS", "FORMAT_NAMES", "FORMATS", "MEANINGS", "NOT_IMPORTED", "mapping_targets", "ImportCancelled", "ImportPlan", "failure_message", "Problem", "apply_plan", "backup_before",
    "backups_clear_on", "build_plan", "client_record", "erase_client", "detect_format", "export_clients_csv", "export_purchases_csv", "export_vcard", "neutralise",
]
