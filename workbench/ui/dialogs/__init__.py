"""Dialogs of the workbench (settings, about)."""
