"""Is indexing's output unchanged? Digests of everything a worker produces, to compare across versions.

    python bench/index_output_check.py --write before.json [--articles 500] [--layout jsonl|files]
    python bench/index_output_check.py --compare before.json

Indexes the first SaudiNewsNet articles of ../shared/data exactly as an indexing worker does
(``preparing.Preparer`` with ``workspace.INDEX_STAGES``, one task) and digests, part by part:
every document's stored fields, every term of every field with its postings (documents,
weights, encoded positions or frequencies), its term info (which holds the byte size of its
posting blocks) and field lengths, and each stage's results
(entity mentions, quotes, near-duplicate fingerprints: equal signatures make equal groups).
``--write`` saves the digests; ``--compare`` prints which parts differ from a saved run and
exits 1 if any does. Run ``--write`` with the old code (e.g. ``git worktree add`` of the base
branch) and ``--compare`` with the new: a speed-up must leave every digest equal.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage
from whoosh.reading import SegmentReader

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from index_profile import make_tasks  # noqa: E402
from naive_whoosh import DEFAULT_DATA, materialise  # noqa: E402

from workbench.core.index import preparing  # noqa: E402
from workbench.core.workspace import INDEX_STAGES  # noqa: E402


class _NeverStop:
    def is_set(self) -> bool:
        return False


def digests(articles: int, layout: str, data: Path) -> dict[str, str]:
    """Part name -> SHA-256 of what the worker produced for that part."""
    with tempfile.TemporaryDirectory(prefix="index-output-") as scratch:
        corpus, index_dir = Path(scratch) / "corpus", Path(scratch) / "index"
        materialise(corpus, articles + 1, layout, data)
        _, task = make_tasks(corpus, layout, 1)
        result = preparing.Preparer(corpus, index_dir, INDEX_STAGES, _NeverStop()).run(task)
        assert result.segment is not None, "nothing was indexed"
        parts: dict[str, Any] = {"articles": [(article_id, path) for article_id, path, _ in result.results],
                                 "problems": [repr(problem) for problem in result.problems]}
        for number, stage in enumerate(INDEX_STAGES):
            parts[f"stage {stage.name}"] = [repr(found[number]) for _, _, found in result.results]
        preparer = preparing.Preparer(corpus, index_dir, INDEX_STAGES, _NeverStop())
        reader = SegmentReader(FileStorage(result.folder), preparer.schema, result.segment)
        parts.update(_segment_parts(reader))
        reader.close()
    return {name: hashlib.sha256(repr(value).encode("utf-8")).hexdigest() for name, value in parts.items()}


def _segment_parts(reader: Any) -> dict[str, Any]:
    """Stored fields, and per field: every term's postings and every document's length."""
    parts: dict[str, Any] = {"stored fields": [reader.stored_fields(doc) for doc in range(reader.doc_count_all())],
                             "term infos (posting block sizes)": [(term, info.__dict__) for term, info in reader._terms.items()]}
    fields = sorted({fieldname for fieldname, _ in reader.all_terms()})
    for fieldname in fields:
        postings = []
        for term in reader.lexicon(fieldname):
            matcher = reader.postings(fieldname, term)
            found = []
            while matcher.is_active():
                found.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            postings.append((term, found))
        lengths = [reader.doc_field_length(doc, fieldname) for doc in range(reader.doc_count_all())]
        parts[f"field {fieldname}"] = (postings, lengths)
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--layout", choices=("jsonl", "files"), default="jsonl")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="save the digests to this JSON file")
    action.add_argument("--compare", type=Path, help="compare with digests saved by --write")
    args = parser.parse_args()
    found = digests(args.articles, args.layout, args.data)
    if args.write:
        args.write.write_text(json.dumps(found, indent=1), encoding="utf-8")
        print(f"{len(found)} parts digested into {args.write}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    differing = sorted(name for name in saved.keys() | found.keys() if saved.get(name) != found.get(name))
    print("| part | same |\n|---|---|")
    for name in sorted(saved.keys() | found.keys()):
        print(f"| {name} | {'no' if name in differing else 'yes'} |")
    print(f"\n{len(differing)} of {len(saved.keys() | found.keys())} parts differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
