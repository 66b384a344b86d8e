"""Streamlit's production flags, from Sinergi's settings (stdlib only: ``run.py`` imports this before any venv).

Nothing may leave the intranet and users see no tracebacks:

* ``browser.serverAddress`` is always given (``SINERGI_SERVER_ADDRESS``, default ``localhost``). When it is
  not set, Streamlit's start-up banner and its allowed-origin check look up the machine's addresses: a UDP
  ``connect`` towards 8.8.8.8 and, headless, an HTTP request to checkip.amazonaws.com.
* ``browser.gatherUsageStats`` is off (also in ``.streamlit/config.toml``).
* ``client.showErrorDetails = none``: an uncaught error shows a generic message; the details go to the log
  (``geo.events``), and the app's own error page gives an error id (``ui.errors``).
* ``server.maxUploadSize`` is ``SINERGI_MAX_IMPORT_MB`` rounded up (Streamlit takes whole megabytes).
* XSRF protection stays on; the file watcher is off; headless.
"""

from __future__ import annotations

import math

from geo import config


def streamlit_flags(port: int | None = None, address: str | None = None) -> list[str]:
    """Command-line options for ``streamlit run app.py`` (they override ``.streamlit/config.toml``)."""
    flags = {
        "browser.serverAddress": config.get("SINERGI_SERVER_ADDRESS"),
        "browser.gatherUsageStats": "false",
        "client.showErrorDetails": "none",
        "client.toolbarMode": "minimal",
        "server.headless": "true",
        "server.fileWatcherType": "none",
        "server.runOnSave": "false",
        "server.enableXsrfProtection": "true",
        "server.maxUploadSize": str(math.ceil(config.get("SINERGI_MAX_IMPORT_MB"))),
    }
    if port is not None:
        flags["server.port"] = str(port)
    if address is not None:
        flags["server.address"] = address
    return [part for name, value in flags.items() for part in (f"--{name}", value)]
