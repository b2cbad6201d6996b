"""Without Qt's X11 libraries the app names the packages to install instead of crashing."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys

from boutique import system_check


def test_ldd_output_is_read_into_package_names(tmp_path, monkeypatch):
    fake_ldd = tmp_path / "ldd"
    fake_ldd.write_text("#!/bin/sh\necho '\tlibxcb-icccm.so.4 => not found'\n"
                        "echo '\tlibc.so.6 => /lib/libc.so.6 (0x1)'\n"
                        "echo '\tlibxkbcommon-x11.so.0 => not found'\n")
    fake_ldd.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:{os.environ['PATH']}")
    plugin = system_check._xcb_plugin()
    assert plugin is not None
    assert system_check._missing_by_ldd(plugin) == ["libxcb-icccm4", "libxkbcommon-x11-0"]


def test_missing_libraries_are_named_with_the_install_command(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(system_check, "_xcb_plugin", lambda: None)  # take the fallback list
    real = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library",
                        lambda name: None if name in ("xcb-cursor", "xkbcommon-x11") else real(name))
    message = system_check.window_problem()
    assert "libxcb-cursor0" in message and "libxkbcommon-x11-0" in message
    assert "apt-get install" in message


def test_offscreen_needs_nothing(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert system_check.window_problem() is None


def test_app_exits_with_the_message_not_a_crash(tmp_path):
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([sys.executable, "-c", (
        "import ctypes.util, sys; ctypes.util.find_library = lambda name: None; "
        "from boutique.app import main; sys.exit(main(['--db', sys.argv[1]]))"),
        str(tmp_path / "s.sqlite3")], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 3
    assert "sudo apt-get install" in done.stderr
    assert "Traceback" not in done.stderr
