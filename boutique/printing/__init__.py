"""Floor 3: printed pieces. Plain data in, PDF out: no Qt, no peewee."""
