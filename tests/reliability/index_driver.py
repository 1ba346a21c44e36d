"""``workbench index`` with tiny tasks, so a small corpus is published in many batches.

    python tests/reliability/index_driver.py CORPUS [--workers]

The reliability tests run it as a real process and kill it at random instants. Tasks of a
few kilobytes make every second of the run hold several commits, and ``--workers`` makes even
this small corpus go through the worker processes (they must die with their parent). At most
eight segments are kept, so most runs end by merging segments, which can be killed too.
"""

from __future__ import annotations

import sys

from workbench.cli import main
from workbench.core.index import planning, updating

TASK_BYTES = 6_000


def run(argv: list[str]) -> int:
    """Shrink the tasks, then run ``workbench index`` on the corpus."""
    planning.FIRST_TASK_BYTES = planning.MAX_TASK_BYTES = TASK_BYTES
    planning.STREAM_COLLECTION_BYTES = 0
    updating.MAX_SEGMENTS = 8
    if "--workers" in argv:
        updating.PARALLEL_MIN_BYTES = 0
    return main(["index", argv[0]])


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
