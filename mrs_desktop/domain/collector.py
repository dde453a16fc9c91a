"""Python's cycle collector around bulk work: one place that knows whether start-up froze objects.

The app freezes what start-up leaves alive (gui/app.py); bulk work (a sync bundle's 100,000
records) runs with the collector paused and then moves its survivors to the oldest generation by
a freeze and unfreeze. That second move must not happen after start-up's freeze: unfreezing would
thaw start-up's objects too. `gc.get_freeze_count()` would say so, but it walks every frozen
object on each call (seconds, in a test process that started the app many times), so the
freeze is noted here instead.
"""

from __future__ import annotations

import gc

_frozen_by_start_up = False


def freeze_start_up() -> None:
    """Everything alive now lives as long as the process: later collections skip it."""
    global _frozen_by_start_up
    gc.freeze()
    _frozen_by_start_up = True


def promote_survivors() -> None:
    """What bulk work left alive goes to the oldest generation, unless start-up froze objects."""
    if not _frozen_by_start_up:
        gc.freeze()
        gc.unfreeze()
