"""Dialogs of the workbench (settings)."""
