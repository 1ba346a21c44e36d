"""People, places and organisations in Arabic news: extraction, grouping of spellings, curation.

The pipeline, in the order data flows: ``tagger`` (CRF over ``features`` and ``gazetteer``,
with the ``rules`` layer over the word classes of ``lexicon``) finds mentions; ``extraction``
drops those in the article's own ``credits``, keys them and links them per article; ``stage``
runs that as an indexing stage and stores the mentions in the ``catalog``; ``merge`` and
``view`` group spellings into entities (each join with its rule) and apply the user's
curation; ``service`` is the API the CLI and the GUI use, ``completion`` finds an entity by
typed text. ``conll`` tags and scores ANERcorp-style files.
"""
