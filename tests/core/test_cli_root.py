"""The CLI root: version, help listing, lazy imports, error contract."""

from __future__ import annotations

import json
import subprocess
import sys

from vollzug import __version__
from vollzug.cli.main import COMMANDS
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
    assert len(missing) < len(COMMANDS)


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
