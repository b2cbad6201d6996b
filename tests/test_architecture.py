"""The floors of ARCHITECTURE.md, held by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = "from importlinter.cli import lint_imports_command; lint_imports_command()"


def lint_imports(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [sys.executable, "-c", LINT, "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=project, env=env, capture_output=True, text=True, timeout=300)


def test_every_contract_is_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "boutique", tmp_path / "boutique",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def append_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_qt_in_the_domain_breaks_a_contract(tmp_path):
    project = copy_of_the_package(tmp_path)
    append_line(project / "boutique/services/text.py", "import PySide6  # noqa")
    result = lint_imports(project)
    assert result.returncode == 1
    assert "Qt only in the window floor BROKEN" in result.stdout


def test_a_query_in_the_window_breaks_a_contract(tmp_path):
    project = copy_of_the_package(tmp_path)
    append_line(project / "boutique/ui/style.py", "from boutique.models import Client  # noqa")
    result = lint_imports(project)
    assert "never touch the store directly BROKEN" in result.stdout


def test_reaching_into_another_capability_breaks_a_contract(tmp_path):
    project = copy_of_the_package(tmp_path)
    append_line(project / "boutique/services/notes/search_text.py",
                "from boutique.services.clients.value import TOP  # noqa")
    result = lint_imports(project)
    assert "services.clients is reached through its __init__" in result.stdout
    assert "services.clients is reached through its __init__ by the other capabilities BROKEN" \
        in result.stdout


def test_a_cycle_between_modules_breaks_a_contract(tmp_path):
    project = copy_of_the_package(tmp_path)
    append_line(project / "boutique/services/text.py", "from boutique.services import errors  # noqa")
    append_line(project / "boutique/services/errors.py", "from boutique.services import text  # noqa")
    result = lint_imports(project)
    assert "No import cycles, between packages or between modules BROKEN" in result.stdout
