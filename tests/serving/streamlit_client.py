"""A first page load without a browser: what Streamlit's frontend does, over the websocket ``/_stcore/stream``.

Opens the websocket (with the XSRF token from the cookie Streamlit set on the page), asks for the default page
to run and waits until the script has finished. Returns the session's messages, so a test can check that the
app ran (and through which worker, behind nginx, from the response headers of the handshake).
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import urllib.request
from dataclasses import dataclass, field


@dataclass
class PageLoad:
    finished: bool
    messages: list = field(default_factory=list)  # ForwardMsg types, in order
    handshake_headers: dict = field(default_factory=dict)
    exceptions: list = field(default_factory=list)  # texts of st.exception elements, if any
    components: list = field(default_factory=list)  # (name, arguments) of each component instance (the map's view)

    @property
    def session_id(self) -> str | None:
        return self._session_id

    _session_id: str | None = None


def opener() -> tuple[urllib.request.OpenerDirector, http.cookiejar.CookieJar]:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def load_page(base_url: str, jar: http.cookiejar.CookieJar | None = None, timeout: float = 120) -> PageLoad:
    """GET the page (unless ``jar`` already holds its cookies), then run the default page over the websocket."""
    if jar is None:
        op, jar = opener()
        op.open(base_url + "/", timeout=30).read()
    return asyncio.run(_run(base_url, jar, timeout))


async def _run(base_url: str, jar, timeout: float) -> PageLoad:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    cookies = {c.name: c.value for c in jar}
    ws_url = base_url.replace("http", "ws", 1) + "/_stcore/stream"
    protocols = ["streamlit", cookies.get("_streamlit_xsrf", "")]
    headers = {"Origin": base_url}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    load = PageLoad(finished=False)
    async with websockets.connect(ws_url, subprotocols=[p for p in protocols if p] or None,
                                  additional_headers=headers, max_size=None, open_timeout=30) as ws:
        load.handshake_headers = {k.lower(): v for k, v in ws.response.headers.raw_items()}
        msg = BackMsg()
        msg.rerun_script.query_string = ""
        msg.rerun_script.page_script_hash = ""
        msg.rerun_script.context_info.timezone = "Asia/Jakarta"
        msg.rerun_script.context_info.locale = "id-ID"
        msg.rerun_script.context_info.url = base_url + "/"
        await ws.send(msg.SerializeToString())
        async with asyncio.timeout(timeout):
            async for raw in ws:
                fwd = ForwardMsg()
                fwd.ParseFromString(raw)
                kind = fwd.WhichOneof("type")
                load.messages.append(kind)
                if kind == "new_session":
                    load._session_id = fwd.new_session.initialize.session_id or None
                elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                    element = fwd.delta.new_element
                    if element.WhichOneof("type") == "exception":
                        load.exceptions.append(f"{element.exception.type}: {element.exception.message}")
                    elif element.WhichOneof("type") == "component_instance":
                        instance = element.component_instance
                        load.components.append((instance.component_name, json.loads(instance.json_args or "{}")))
                elif kind == "script_finished":
                    if fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                        load.finished = True
                        break
    return load
