"""The demo boutique: a believable client book, the same for the same seed.

Owns the word lists (`words`) and the building of a demo store (`build`): clients with
families and key dates, purchases, notes and the follow-ups the cadence would have made.

May use: the models, the top-level `settings`, `errors` and `text`, `clients`, `cadence`
and `stationery` (the demo letterhead).
"""

from boutique.services.demo.build import build_demo

__all__ = ["build_demo"]
