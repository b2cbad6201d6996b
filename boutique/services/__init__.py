"""Floor 2: the domain in plain Python. No Qt here."""
