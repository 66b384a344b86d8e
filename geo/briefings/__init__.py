"""Files to take home: the region brief (PDF), the deck (PPTX) and the command line's briefing files."""
