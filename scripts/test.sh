#!/usr/bin/env bash
# Create a fresh venv, install the app with its test and packaging extras (PyInstaller, for
# tests/packaging/test_frozen.py), check the code's own rules, run the whole suite. README quick
# start command (2) and .ci/run both call this script; pytest options are passed through
# (e.g. -m "not gui").
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,packaging]"
.venv/bin/lint-imports --no-cache
.venv/bin/ruff check --quiet workbench tests bench tools packaging setup.py
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
