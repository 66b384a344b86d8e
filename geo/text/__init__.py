"""Words and numbers in Bahasa Indonesia and English: messages, vocabularies, parsing and formatting."""
