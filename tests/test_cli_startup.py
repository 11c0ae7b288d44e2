"""The store commands start without the heavy libraries and build only their own parsers."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from newsgraph.cli import COMMAND_MODULES, COMMANDS, build_parser
from newsgraph.store import connect

HEAVY = ("spacy", "pandas", "pyarrow", "dask", "jinja2", "fastapi", "numpy", "trafilatura")

PROBE = """
import json, sys
from newsgraph.cli import main
codes = [main(args) for args in json.loads(sys.argv[1])]
print(json.dumps({"codes": codes, "loaded": sorted(m for m in sys.modules if m.split('.')[0] in json.loads(sys.argv[2]))}))
"""


def test_store_commands_import_no_heavy_library(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    connect(db).close()
    commands = [["people", "--db", str(db)], ["person", "Nobody Atall", "--db", str(db)],
                ["quotes", "--speaker", "Nobody Atall", "--db", str(db)], ["places", "--db", str(db)]]
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(commands), json.dumps(HEAVY)],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["codes"] == [0, 2, 0, 0]  # an unknown person is a user error, the rest list nothing
    assert result["loaded"] == []


def test_importing_the_cli_imports_no_heavy_library() -> None:
    probe = f"import sys, newsgraph.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def commands(parser: argparse.ArgumentParser) -> set[str]:
    """The command names ``parser`` knows."""
    return {name for action in parser._actions if isinstance(action, argparse._SubParsersAction)
            for name in action.choices}


def test_each_command_is_registered_by_the_module_named_for_it() -> None:
    assert set(COMMANDS.values()) == set(COMMAND_MODULES)
    assert commands(build_parser()) == set(COMMANDS)
    for command, module in COMMANDS.items():
        own = commands(build_parser([command, "--help"]))
        assert command in own
        assert {COMMANDS[c] for c in own} == {module}
