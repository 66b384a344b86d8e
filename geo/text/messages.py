"""Messages the engine gives users (import errors and the like), in Indonesian and English.

The engine raises or returns message keys with parameters; pages and the
command line turn them into text in the user's language with ``message``.
The words are in the catalog (``geo/text/words/messages.py``) under ``message.<key>``;
a ``UserError``'s own ``str`` is the English text, for logs and tracebacks.
"""

from __future__ import annotations

from geo.text import catalog


def message(key: str, lang: str = "id", **params) -> str:
    """The message ``message.<key>`` in ``lang``, placeholders filled from ``params``."""
    return catalog.template(f"message.{key}", lang).format(**params)


class UserError(ValueError):
    """An error caused by the user's input, carrying a translatable message."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(message(key, "en", **params))

    def text(self, lang: str = "id") -> str:
        return message(self.key, lang, **self.params)
