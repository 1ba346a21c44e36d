"""Arabic news research workbench: local, Arabic-aware search over folders of news articles."""

from __future__ import annotations

DISTRIBUTION = "arabic-news-workbench"
"""The name the package is installed under (pyproject.toml), whose metadata holds the version."""


def __getattr__(name: str) -> str:
    """``workbench.__version__``, read from the installed package's metadata on first use
    (importlib.metadata costs ~20 ms of imports, which every command would pay otherwise)."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib import metadata

    try:
        version = metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:  # run from a source tree that was never installed
        version = "0+unknown"
    globals()["__version__"] = version
    return version
