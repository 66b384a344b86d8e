"""Sinergi's words, one module per domain, each a plain ``WORDS`` dict of key → {"id": …, "en": …}.

Read them through ``geo.text.catalog.text``, never directly; ``geo.text.catalog.WORD_MODULES`` lists the modules.
"""
