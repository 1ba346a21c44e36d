"""Qt item models adapting core results to views."""
