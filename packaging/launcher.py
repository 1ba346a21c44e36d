"""The frozen app's entry point (the script PyInstaller bundles as ``Workbench``).

``multiprocessing.freeze_support`` comes before anything else: a frozen build re-enters this
script in every process that multiprocessing spawns (the indexing child, its analysis workers,
the resource tracker), and those must run their task, not the command line, and need not pay
for importing the app first.
"""

import multiprocessing
import os
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    # The windowed Workbench.exe on Windows has no console: Python leaves these streams None,
    # and a warning or crash report written to them would fail in turn.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115

    from workbench.cli import main

    raise SystemExit(main())
