"""Before Qt opens a window on Linux: are the X11 libraries its platform plugin needs here?

Without them Qt prints a riddle ("could not load the Qt platform plugin xcb") and aborts;
we name the missing packages and the command that installs them instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# (library name for ctypes.util.find_library, Debian/Ubuntu package)
XCB_LIBRARIES = [
    ("xcb-cursor", "libxcb-cursor0"),
    ("xkbcommon-x11", "libxkbcommon-x11-0"),
    ("xcb-icccm", "libxcb-icccm4"),
    ("xcb-keysyms", "libxcb-keysyms1"),
    ("xcb-image", "libxcb-image0"),
    ("xcb-render-util", "libxcb-render-util0"),
    ("xcb-shape", "libxcb-shape0"),
    ("EGL", "libegl1"),
    ("fontconfig", "libfontconfig1"),
]


def missing_window_libraries() -> list[str]:
    if not sys.platform.startswith("linux"):
        return []
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return []
    if not platform and os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY"):
        return []
    return [package for lib, package in XCB_LIBRARIES if ctypes.util.find_library(lib) is None]


def window_problem() -> str | None:
    """A message for the user when a window cannot open here, else None."""
    missing = missing_window_libraries()
    if missing:
        return (
            "Boutique's window needs system libraries that are not installed: "
            + ", ".join(missing)
            + ".\nInstall them with:\n    sudo apt-get install " + " ".join(missing)
            + "\n(on Fedora: sudo dnf install xcb-util-cursor libxkbcommon-x11)"
        )
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        return ("Boutique needs a screen: no DISPLAY or WAYLAND_DISPLAY is set.\n"
                "Run it from a desktop session (or set QT_QPA_PLATFORM=offscreen for a headless check).")
    return None
