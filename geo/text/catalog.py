"""The one catalog of Sinergi's words in Bahasa Indonesia and English, and ``text``, the look-up.

Rules:

* Every entry is key → {"id": text, "en": text}: both languages, neither empty, the same placeholders in both
  (checked by ``tests/text/test_catalog.py``, with: every key the code names literally exists).
* Keys are namespaced by domain, one words module per domain in ``geo/text/words/`` (listed in
  ``WORD_MODULES``): ``ui.`` interface (``interface.py``, read by pages through ``ui.i18n.t``), ``message.``
  engine messages (``messages.py``, read through ``geo.text.messages``), ``briefing.`` the exports,
  ``score.`` the impact score's explanation, ``verdict.`` a visit's verdict and its size, ``planner.`` the
  planner's explanations, ``cli.`` the command line, ``maps.`` the web map, ``importer.`` the import templates,
  ``numbers.`` scale words of amounts, ``regions.`` the notes of name resolution (an earlier code or name matched),
  ``headline.`` the impact headline ("Apa artinya?", "Batasan"), ``audit.`` the audit trail in words, ``change.``
  the before-and-after map, ``flow.`` the cooperation flow (stages and moves of agreements), ``party_feedback.``
  the parties' feedback form, its moderation and the approved feedback on the region page, ``monitoring.`` KPIs,
  the periodic report and visit goals against what followed, ``evidence.`` photos and
  documents attached to records (their credit line, the brief's and the deck's photo sections).
* A key defined twice — twice in one words module (where Python would silently keep the last) or in two
  modules — is an error when this module is imported (``DuplicateKey``), so the app and the command line
  refuse to start. The words modules are read with ``ast`` for this: a dict literal keeps a repeated key silently.
* Indonesian is the default language; a language outside ``LANGUAGES`` falls back to it.
* ``text`` fills placeholders with ``str.format`` when parameters are given; without parameters the text is
  returned as written.

Labels of fixed vocabularies (statuses, sectors, obstacles …) stay with the vocabularies in
``geo.text.vocabulary``, already key → {"id", "en"}. Number formats (decimal comma or point) are rules, not
words: ``geo.text.numbers``. This module does not import Streamlit.
"""

from __future__ import annotations

import ast
import collections
from pathlib import Path
from types import ModuleType

from geo.text.words import (
    audit,
    briefing,
    change,
    cli,
    evidence,
    flow,
    headline,
    importer,
    interface,
    maps,
    messages,
    monitoring,
    numbers,
    party_feedback,
    planner,
    regions,
    score,
    verdict,
)

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"
WORD_MODULES: tuple[ModuleType, ...] = (interface, messages, briefing, score, planner, cli, maps, importer, numbers,
                                        regions, verdict, headline, audit, change, flow, party_feedback, monitoring,
                                        evidence)


class DuplicateKey(Exception):
    """A key is defined more than once in the words modules."""


def literal_keys(module: ModuleType) -> list[str]:
    """The keys of the module's ``WORDS = {…}`` as written in its source, duplicates included."""
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        if isinstance(target, ast.Name) and target.id == "WORDS" and isinstance(node.value, ast.Dict):
            return [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
    raise DuplicateKey(f"{module.__name__} has no WORDS = {{…}} literal")


def merge(modules) -> dict[str, dict[str, str]]:
    """All modules' words in one dict; ``DuplicateKey`` names every key defined twice and where."""
    where = collections.defaultdict(list)
    for module in modules:
        for key in literal_keys(module):
            where[key].append(module.__name__)
    twice = {key: places for key, places in where.items() if len(places) > 1}
    if twice:
        raise DuplicateKey("; ".join(f"{key} in {', '.join(places)}" for key, places in sorted(twice.items())))
    merged = {}
    for module in modules:
        merged.update(module.WORDS)
    return merged


CATALOG = merge(WORD_MODULES)


def template(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text of ``key`` in ``lang`` with its placeholders unfilled (``KeyError`` for an unknown key)."""
    entry = CATALOG[key]
    return entry[lang] if lang in LANGUAGES else entry[DEFAULT_LANGUAGE]


def text(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text of ``key`` in ``lang``, its placeholders filled from ``params``."""
    words = template(key, lang)
    return words.format(**params) if params else words
