"""Arabic news research workbench: local, Arabic-aware search over folders of news articles."""

__version__ = "0.1.0"
