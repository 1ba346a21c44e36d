"""Arabic news research workbench: local, Arabic-aware search over folders of news articles."""

from importlib import metadata

DISTRIBUTION = "arabic-news-workbench"
"""The name the package is installed under (pyproject.toml), whose metadata holds the version."""

try:
    __version__ = metadata.version(DISTRIBUTION)
except metadata.PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"
