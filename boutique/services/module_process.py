"""A plain Python process running one of the app's modules, for work done beside the
window (the agenda worked out ahead, the prepared agenda brought up to date)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_HOME = str(Path(__file__).resolve().parents[2])  # the folder holding the app's package


def can_start_modules() -> bool:
    """Whether modules run by name here (a frozen build runs none)."""
    return not getattr(sys, "frozen", False)


def start_module(module: str, *args: str, stdout=subprocess.DEVNULL) -> subprocess.Popen:
    """`python -m module args`, with no console window on Windows, importing the app from
    its own folder wherever the window was started from. Raises OSError when it cannot."""
    no_console = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [_HOME, *filter(None, [os.environ.get("PYTHONPATH")])]))
    return subprocess.Popen([sys.executable, "-m", module, *args], stdin=subprocess.DEVNULL,
                            stdout=stdout, stderr=subprocess.DEVNULL,
                            creationflags=no_console, env=env)
