"""Which address a browser connects from, believing ``X-Forwarded-For`` only from a configured proxy.

The login back-off (``geo.access.accounts``) counts failures per client address. Any browser can send an
``X-Forwarded-For`` header, so the header is read only when the connection itself comes from one of the
proxies in ``SINERGI_TRUSTED_PROXIES``; then the client is the right-most address in the chain that is not
itself a trusted proxy (each proxy appends the address it saw; what is left of the first untrusted one
may be forged by that client). Without a trusted proxy the connection's own address counts:

>>> from ipaddress import ip_network
>>> proxy = (ip_network("127.0.0.1/32"),)
>>> client_address("10.1.2.3", ["6.6.6.6"], trusted=())          # forged header from a direct client: ignored
'10.1.2.3'
>>> client_address("127.0.0.1", ["6.6.6.6, 10.1.2.3"], trusted=proxy)   # nginx appended the real peer
'10.1.2.3'
>>> client_address("127.0.0.1", [], trusted=proxy)               # the proxy sent no header: the proxy itself
'127.0.0.1'
>>> client_address(None, ["10.1.2.3"], trusted=proxy) is None    # no connection address at all
True
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _parse(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    if not text:
        return None
    value = text.strip()
    if value.startswith("[") and "]" in value:  # [v6]:port
        value = value[1:value.index("]")]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":")[0]
    try:
        address = ipaddress.ip_address(value.split("%")[0])
    except ValueError:
        return None
    return address.ipv4_mapped or address if isinstance(address, ipaddress.IPv6Address) else address


def _trusted(address, trusted: Sequence[Network]) -> bool:
    return any(address.version == net.version and address in net for net in trusted)


def client_address(peer: str | None, forwarded_for: Iterable[str], trusted: Sequence[Network]) -> str | None:
    """The client's address as text: ``peer`` (the TCP peer), or, when ``peer`` is a trusted proxy, the
    right-most untrusted address of the ``X-Forwarded-For`` values (each header may list several, comma-
    separated, in order); None when ``peer`` is missing or not an address."""
    direct = _parse(peer)
    if direct is None:
        return None
    if not _trusted(direct, trusted):
        return str(direct)
    chain = [part for value in forwarded_for for part in str(value).split(",") if part.strip()]
    for hop in reversed(chain):
        address = _parse(hop)
        if address is None:  # garbage where an address should be: stop believing the chain here
            break
        if not _trusted(address, trusted):
            return str(address)
        direct = address
    return str(direct)
