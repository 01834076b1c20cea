"""Memory for the local Neo4j, sized from the machine: heap, page cache and transaction state.

Why a module of its own: a load is ONE transaction, and what a transaction may hold decides whether a
100k-firm load commits at all; the sizes come from the machine (or its container's limit), never a
fixed 1g. See docs/neo4j.md ("Memory").
"""

from __future__ import annotations

import os
from pathlib import Path

from ontology.errors import StoreError

__all__ = ["auto_memory", "tx_memory", "machine_ram"]


def _bytes(size: str) -> int:
    """``"512m"`` → bytes (Neo4j's k/m/g suffixes, powers of 1024).

    >>> _bytes("1g"), _bytes("512m"), _bytes("2048")
    (1073741824, 536870912, 2048)
    """
    s = size.strip().lower().rstrip("b").rstrip("i")
    mult = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}.get(s[-1:], 1)
    try:
        return int(float(s[:-1] if mult > 1 else s) * mult)
    except ValueError:
        raise StoreError(f"not a memory size: {size!r} (e.g. 512m, 1g)") from None


_CGROUP_LIMITS = ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")


def machine_ram() -> int:
    """Memory this process may use in bytes: the machine's, or its container's (cgroup) limit if
    lower — a CI container on a large host must not size the heap from the host (0 if unknown)."""
    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        ram = 0
    for path in _CGROUP_LIMITS:
        try:
            limit = Path(path).read_text().strip()
        except OSError:
            continue
        if limit.isdigit() and 0 < int(limit) < (ram or 1 << 62):
            ram = int(limit)
    return ram


def auto_memory(ram: int | None = None) -> tuple[str, str]:
    """(heap, page cache) for this machine: an eighth of its RAM for the heap, between 1 GiB and
    8 GiB, and a sixteenth for the page cache, between 512 MiB and 4 GiB.

    Why the heap grows with the machine: a load is one transaction, and however its state is held
    while the statements run (off the heap here, :func:`tx_memory`), Neo4j turns it into commands on
    the heap at commit. A 100k-firm load (≈ 430k rows) died at commit with ``Java heap space`` on
    the old fixed 1g heap (after 9 minutes of GC pauses), and ran with 3g.

    >>> auto_memory(24 << 30), auto_memory(4 << 30), auto_memory(256 << 30)
    (('3072m', '1536m'), ('1024m', '512m'), ('8192m', '4096m'))
    """
    ram = machine_ram() if ram is None else ram
    heap = min(max(ram // 8, 1 << 30), 8 << 30) >> 20
    cache = min(max(ram // 16, 512 << 20), 4 << 30) >> 20
    return f"{heap}m", f"{cache}m"


def tx_memory(heap: str, ram: int | None = None) -> dict[str, str]:
    """Transaction-memory settings for a server with ``heap`` on a machine with ``ram`` bytes.

    Why: a load is ONE transaction, and Neo4j keeps a transaction's state (every node and
    relationship it writes) in memory until the commit. On the heap (Neo4j 5's default,
    ``db.tx_state.memory_allocation=ON_HEAP``) a 100k-firm load (≈ 430k rows) outgrew the default
    1g heap's transaction budget (``dbms.memory.transaction.total.max``, 70 % of the heap = 716.8 MiB)
    and failed at commit after minutes of GC pauses. So the state goes off the heap, into native
    memory capped by ``server.memory.off_heap.transaction_max_size`` — a quarter of the machine's RAM,
    between 1 GiB and 8 GiB — and the tracked total a transaction may use is the heap's share plus
    that cap (tracking stays on: a runaway console query still fails cleanly rather than taking the
    server down). Setting names checked against the 5.26 jars (``GraphDatabaseSettings``).

    >>> tx_memory("1g", ram=24 << 30)["server.memory.off_heap.transaction_max_size"]
    '6144m'
    >>> tx_memory("1g", ram=2 << 30)["dbms.memory.transaction.total.max"]
    '1740m'
    """
    ram = machine_ram() if ram is None else ram
    off = min(max(ram // 4, 1 << 30), 8 << 30) >> 20
    total = (_bytes(heap) * 7 // 10 >> 20) + off
    return {"db.tx_state.memory_allocation": "OFF_HEAP",
            "server.memory.off_heap.transaction_max_size": f"{off}m",
            "dbms.memory.transaction.total.max": f"{total}m"}
