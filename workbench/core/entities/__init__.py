"""People, places and organisations in Arabic news: extraction, grouping of spellings, curation.

The pipeline, in the order data flows: ``tagger`` (CRF over ``features`` and ``gazetteer``,
with rule layers) finds mentions; ``extraction`` keys and links them per article; ``stage``
runs that as an indexing stage and stores the mentions in the ``catalog``; ``merge`` and
``view`` group spellings into entities and apply the user's curation; ``service`` is the API
the CLI and the GUI use. ``conll`` tags and scores ANERcorp-style files.
"""
