"""Before Qt opens a window on Linux: are the libraries its X11 platform plugin needs here?

Without them Qt prints a riddle ("could not load the Qt platform plugin xcb") and aborts;
we name the missing packages and the command that installs them instead. The plugin's
own dependencies are read with `ldd` when it is available, so the list stays true as Qt
changes; a known list is the fallback.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# Debian/Ubuntu package for each library Qt's xcb plugin loads.
PACKAGES = {
    "xcb-cursor": "libxcb-cursor0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "xkbcommon": "libxkbcommon0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-randr": "libxcb-randr0",
    "xcb-xkb": "libxcb-xkb1",
    "xcb-xinerama": "libxcb-xinerama0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
}
_SONAME = re.compile(r"^\s*lib(?P<name>[\w+-]+?)\.so[.\d]*\s+=>\s+not found", re.MULTILINE)


def _xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(list(spec.submodule_search_locations)[0]) / "Qt/plugins/platforms/libqxcb.so"
    return plugin if plugin.exists() else None


def _missing_by_ldd(plugin: Path) -> list[str] | None:
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    try:
        output = subprocess.run([ldd, str(plugin)], capture_output=True, text=True,
                                timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    names = dict.fromkeys(match.group("name") for match in _SONAME.finditer(output))
    return [PACKAGES.get(name, f"lib{name}") for name in names]


def missing_window_libraries() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return []
    plugin = _xcb_plugin()
    found = _missing_by_ldd(plugin) if plugin else None
    if found is not None:
        return found
    return [package for lib, package in PACKAGES.items() if ctypes.util.find_library(lib) is None]


def window_problem() -> str | None:
    """A message for the user when a window cannot open here, else None."""
    missing = missing_window_libraries()
    if missing:
        return (
            "Boutique's window needs system libraries that are not installed: "
            + ", ".join(missing)
            + ".\nInstall them with:\n    sudo apt-get install " + " ".join(missing)
            + "\n(on Fedora: sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms "
            "libxkbcommon-x11)"
        )
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        return ("Boutique needs a screen: no DISPLAY or WAYLAND_DISPLAY is set.\n"
                "Run it from a desktop session (or set QT_QPA_PLATFORM=offscreen for a headless check).")
    return None
