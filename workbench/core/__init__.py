"""Everything that is not GUI. Never imports Qt (checked by import-linter and tests/core/test_architecture.py)."""
