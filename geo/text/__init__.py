"""Words and numbers in Bahasa Indonesia and English: the one text catalog (``catalog``, words by domain in
``words/``), engine messages, vocabularies, parsing and formatting."""
