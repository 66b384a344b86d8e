"""Warm a worker as soon as it is healthy, so that the first person it serves does not wait for its caches.

A new Streamlit process has nothing in memory: its first visitor waits while it reads the records, builds the
analysis context and the impact report behind "Apa artinya?" (several seconds on a 2-core machine). The supervisor
(``serving.supervisor``) therefore opens the map page once on each worker that has just become healthy, in a
thread, speaking Streamlit's own websocket protocol (the messages a browser sends on opening a page; nothing is
drawn), at the province and regency level. Those caches are per process and per data version; they are shared by
every later session of that worker. The result is one ``worker_warm`` line in the event log.
"""

from __future__ import annotations

import asyncio
import threading
import time

from geo import events

PAGES = ("level=province", "level=regency")


async def open_page(url: str, query: str, cookie: str | None = None, timeout: float = 300) -> float:
    """Seconds until the server has sent a new session's whole page (``script_finished``) for ``query``."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    t0 = time.perf_counter()
    async with asyncio.timeout(timeout):
        async with connect(url.replace("http", "ws", 1) + "/_stcore/stream", subprotocols=["streamlit"],
                           max_size=None, open_timeout=timeout,
                           additional_headers={"Cookie": cookie} if cookie else None) as ws:
            msg = BackMsg()
            msg.rerun_script.query_string = query
            msg.rerun_script.context_info.timezone = "Asia/Jakarta"
            await ws.send(msg.SerializeToString())
            while True:
                fm = ForwardMsg()
                fm.ParseFromString(await ws.recv())
                if fm.WhichOneof("type") == "script_finished":
                    return time.perf_counter() - t0


def warm(port: int, host: str = "127.0.0.1") -> None:
    """Open the map pages once on the worker at ``host:port`` (errors only logged: warming is a courtesy)."""
    t0 = time.perf_counter()
    try:
        for query in PAGES:
            asyncio.run(open_page(f"http://{host}:{port}", query))
        events.log("worker_warm", port=port, secs=round(time.perf_counter() - t0, 1))
    except Exception as exc:  # noqa: BLE001 - a worker that cannot be warmed still serves
        events.log("worker_warm_failed", port=port, error=type(exc).__name__)


def warm_in_background(port: int, host: str = "127.0.0.1") -> threading.Thread:
    thread = threading.Thread(target=warm, args=(port, host), name=f"warm-{port}", daemon=True)
    thread.start()
    return thread
