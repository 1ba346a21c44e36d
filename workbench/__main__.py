"""`python -m workbench` is the `workbench` command."""

from workbench.cli import main

if __name__ == "__main__":  # indexing workers are spawned and re-import this module; they must not run main()
    raise SystemExit(main())
