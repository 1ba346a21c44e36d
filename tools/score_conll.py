"""Exact-span P/R/F1 of a predicted CoNLL file against its gold copy (PERS, LOC, ORG, micro).

Usage: ``python tools/score_conll.py GOLD PREDICTED``, where PREDICTED is typically the output
of ``workbench tag-conll GOLD``. Both files must hold the same sentences and tokens; only the
last column (the IOB2 tag) is read. The scoring itself is ``workbench.core.entities.conll``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.entities.conll import format_scores, score_files


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("predicted", type=Path)
    args = parser.parse_args()
    print(format_scores(score_files(args.gold, args.predicted)))


if __name__ == "__main__":
    main()
