"""``workbench compare``, ``quotes`` and ``duplicates``: articles side by side, who said what,
and which stories are republished."""

from __future__ import annotations

import argparse
import json
from typing import Any

from workbench.cli.common import EXIT_OK, EXIT_USAGE, CliError, add_corpus_argument, open_workspace
from workbench.core.compare import DEFAULT_DUPLICATE_THRESHOLD, DEFAULT_THRESHOLD, Comparison, Quote

LISTED_IDS = 20
"""Ids a group lists in the text output of ``workbench duplicates`` (templated copy can make
groups of thousands); ``--json`` lists every one."""


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the compare, quotes and duplicates subcommands."""
    compare = commands.add_parser("compare", help="compare 2-4 articles: shared passages, entities and numbers "
                                                  "that differ")
    add_corpus_argument(compare, then=("ids",))
    compare.add_argument("ids", nargs="*", metavar="ID", help="article ids, as `workbench search --json` prints them")
    compare.add_argument("--threshold", type=_fraction, default=DEFAULT_THRESHOLD,
                         help=f"passage similarity (0-1) that counts as shared (default {DEFAULT_THRESHOLD})")
    compare.add_argument("--json", action="store_true", help="print one JSON object")
    compare.set_defaults(handler=_cmd_compare)

    quotes = commands.add_parser("quotes", help="quotations and who said them")
    add_corpus_argument(quotes)
    quotes.add_argument("--speaker", help="only quotes whose speaker's name contains these words")
    quotes.add_argument("--json", action="store_true", help="print one JSON list")
    quotes.set_defaults(handler=_cmd_quotes)

    duplicates = commands.add_parser("duplicates", help="groups of near-duplicate (republished) articles, "
                                                        "largest first")
    add_corpus_argument(duplicates)
    duplicates.add_argument("--threshold", type=_fraction, default=DEFAULT_DUPLICATE_THRESHOLD,
                            help="estimated share of common 5-word shingles (0.3-1) that makes two articles "
                                 f"the same story (default {DEFAULT_DUPLICATE_THRESHOLD})")
    duplicates.add_argument("--json", action="store_true", help="print one JSON list")
    duplicates.set_defaults(handler=_cmd_duplicates)


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}")
    return number


def _cmd_compare(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus) as (workspace, _):
        comparison = workspace.compare.compare(args.ids, threshold=args.threshold)
    if args.json:
        print(json.dumps(comparison_json(comparison), ensure_ascii=False))
    else:
        _print_comparison(comparison)
    return EXIT_OK


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """``workbench compare --json``: alignment, entity differences and number differences."""
    ids = comparison.ids
    articles = comparison.articles

    def side(article: int, passage: int) -> dict[str, Any]:
        found = articles[article].passages[passage]
        return {"id": ids[article], "start": found.start, "end": found.end,
                "text": articles[article].article.text[found.start:found.end]}

    return {
        "articles": ids,
        "similarity": comparison.similarity,
        "passages": [{"a": side(link.a, link.a_passage), "b": side(link.b, link.b_passage),
                      "similarity": link.similarity} for link in comparison.links()],
        "entities": {"shared": comparison.shared_entities,
                     "only": {compared.article.id: compared.entities_only for compared in articles}},
        "numbers": [{"id": compared.article.id, "text": number.text, "start": number.start, "end": number.end}
                    for compared in articles for number in compared.differing],
    }


def _print_comparison(comparison: Comparison) -> None:
    print(f"similarity {comparison.similarity:.2f} between " + ", ".join(comparison.ids))
    for link in comparison.links():
        first = comparison.articles[link.a]
        second = comparison.articles[link.b]
        a, b = first.passages[link.a_passage], second.passages[link.b_passage]
        print(f"\n{link.similarity:.2f}  {first.article.id} [{a.start}:{a.end}]  {first.article.text[a.start:a.end]}")
        print(f"      {second.article.id} [{b.start}:{b.end}]  {second.article.text[b.start:b.end]}")
    print("\nentities in all: " + (", ".join(comparison.shared_entities) or "none"))
    for compared in comparison.articles:
        print(f"only in {compared.article.id}: " + (", ".join(compared.entities_only) or "none"))
        if compared.differing:
            print("  numbers that differ: " + ", ".join(number.text for number in compared.differing))
        for quote in compared.quotes:
            print(f"  quote ({quote.entity or quote.speaker or 'unnamed'}): {quote.text}")


def quote_json(quote: Quote) -> dict[str, Any]:
    """One quote as ``workbench quotes --json`` prints it."""
    return {"id": quote.article_id, "speaker": quote.speaker, "entity": quote.entity, "verb": quote.verb or None,
            "text": quote.text, "start": quote.start, "end": quote.end}


def _cmd_quotes(args: argparse.Namespace) -> int:
    with open_workspace(args.corpus) as (workspace, _):
        quotes = workspace.compare.quotes(speaker=args.speaker)
    if args.json:
        print(json.dumps([quote_json(quote) for quote in quotes], ensure_ascii=False))
        return EXIT_OK
    for quote in quotes:
        who = quote.entity or quote.speaker or "?"
        print(f"{quote.article_id} [{quote.start}:{quote.end}] {who} ({quote.verb or ':'}): {quote.text}")
    return EXIT_OK


def _cmd_duplicates(args: argparse.Namespace) -> int:
    if args.threshold < 0.3:
        raise CliError("--threshold below 0.3 is not kept while indexing: use 0.3 or more", EXIT_USAGE)
    with open_workspace(args.corpus) as (workspace, _):
        groups = workspace.compare.duplicate_groups(args.threshold)
    if args.json:
        print(json.dumps([{"ids": list(group.ids), "similarity": group.similarity, "exact": group.exact}
                          for group in groups], ensure_ascii=False))
        return EXIT_OK
    for group in groups:
        kind = "exact copies" if group.exact else f"similarity {group.similarity:.2f}"
        listed = ", ".join(group.ids[:LISTED_IDS])
        if len(group.ids) > LISTED_IDS:
            listed += f" and {len(group.ids) - LISTED_IDS} more (--json lists them all)"
        print(f"{len(group.ids)} articles, {kind}: {listed}")
    if not groups:
        print("no near-duplicate articles")
    return EXIT_OK
