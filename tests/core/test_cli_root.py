"""The CLI root: version, help listing, lazy imports, error contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from vollzug import __version__
from vollzug.cli.commands import COMMANDS
from vollzug.errors import InputError


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "vollzug", *args], capture_output=True, text=True, check=False)


def test_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_help_lists_every_command_without_importing_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from vollzug.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules\n"
        "                if m.split('.')[0] in {'pm4py', 'pandas', 'scipy', 'graphviz', 'openpyxl'})\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    for name in COMMANDS:
        assert name in result.stdout
    assert result.stdout.strip().endswith("HEAVY="), result.stdout[-300:]


def test_every_registered_command_module_exposes_a_command() -> None:
    import importlib

    import click

    missing = []
    for name, (module, _help) in COMMANDS.items():
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            missing.append(name)
            continue
        assert isinstance(mod.command, click.Command), name
    assert missing == []


def test_unknown_command_is_one_line_exit_2() -> None:
    result = _run("nonsense")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_schema_is_json() -> None:
    result = _run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "OperationalModel"


def test_error_line_names_file_line_and_element() -> None:
    err = InputError("dangling reference 'x'", file="a.bpmn", line=12, element="Task_1")
    assert str(err) == "a.bpmn:12: [Task_1] dangling reference 'x'"
    assert "\n" not in str(err)


def _console(*args: str, columns: int) -> str:
    """What the installed ``vollzug`` console script prints (its entry point, run as a fresh process)."""
    code = "import sys\nfrom vollzug.cli.entry import main\nsys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "COLUMNS": str(columns)}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                          env=env).stdout


@pytest.mark.parametrize("columns", [40, 63, 80, 97, 120, 200])
def test_fast_root_help_is_exactly_what_click_prints(columns: int) -> None:
    code = ("import sys\nfrom vollzug.cli.main import cli\n"
            "cli(['--help'], prog_name='vollzug')")
    env = {**os.environ, "COLUMNS": str(columns)}
    expected = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout
    assert "Commands:" in expected
    assert _console("--help", columns=columns) == expected
    assert _console("-h", columns=columns) == expected


def test_fast_version_and_help_import_neither_click_nor_pydantic() -> None:
    code = ("import sys\nfrom vollzug.cli.entry import main\nmain(['--help']); main(['--version'])\n"
            "print(sorted(m for m in ('click', 'pydantic', 'lxml', 'rich') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.rstrip().endswith("[]"), result.stdout[-200:]
    assert f"vollzug, version {__version__}" in result.stdout


def test_console_entry_runs_commands_through_click() -> None:
    out = _console("rules", "RS002", columns=100)
    assert "RS002" in out
