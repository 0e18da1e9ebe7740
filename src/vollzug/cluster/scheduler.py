"""Dask scheduler addresses and an ordered, bounded map over a cluster.

``local:N`` starts a :class:`distributed.LocalCluster` of N worker processes (one thread each) for the run;
``tcp://host:port`` (or ``tls://``) connects to a running scheduler whose workers have vollzug installed and can
read the input paths. Only file names and small shared state travel to the workers; each worker reads its own
files, so results are the same as with ``--jobs`` (same per-town function).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from vollzug.errors import ConfigError, MissingExtraError
from vollzug.parallel import in_order

T = TypeVar("T")
R = TypeVar("R")

_LOCAL = re.compile(r"^local(?::(\d{1,3}))?$")
_REMOTE = re.compile(r"^(tcp|tls|inproc|ucx)://\S+$")


def check_address(address: str) -> str:
    """The address unchanged if it is ``local``, ``local:N`` or ``tcp://host:port``; ConfigError otherwise."""
    text = address.strip()
    match = _LOCAL.match(text)
    if match:
        if match.group(1) is not None and int(match.group(1)) < 1:
            raise ConfigError(f"--scheduler {address}: local needs at least one worker")
        return text
    if _REMOTE.match(text):
        return text
    raise ConfigError(f"--scheduler {address!r}: expected local:N (a LocalCluster of N workers) or tcp://host:port")


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingExtraError("distributed", "cluster", "--scheduler (Dask)") from exc
    return distributed


@contextlib.contextmanager
def client_for(address: str) -> Iterator[Any]:
    """A connected :class:`distributed.Client`; a LocalCluster started for ``local:N`` is closed afterwards."""
    text = check_address(address)
    distributed = _distributed()
    match = _LOCAL.match(text)
    if match:
        import warnings

        workers = int(match.group(1) or 1)
        with warnings.catch_warnings():  # "port 8787 in use": the dashboard port is of no use to a batch run
            warnings.simplefilter("ignore", UserWarning)
            cluster_cm = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                  dashboard_address=":0", silence_logs=40)
        with cluster_cm as cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(text, timeout="20s")
    except OSError as exc:
        raise ConfigError(f"--scheduler {address}: cannot connect ({exc})") from exc
    with client:
        yield client


def workers_of(client: Any) -> int:
    """Number of workers the scheduler knows now (at least 1)."""
    return max(1, len(client.scheduler_info().get("workers", {})))


def ordered_map(client: Any, func: Callable[..., list[R]], chunks: Iterable[Sequence[T]], shared: Any = None,
                in_flight: int = 4, progress: Callable[[int], None] | None = None) -> Iterator[R]:
    """``func(chunk, shared)`` for every chunk on the cluster; results in input order, with at most
    ``in_flight`` × workers chunks submitted at a time; ``progress(n)`` as each chunk's future is collected.

    ``shared`` is scattered once to every worker (the futures carry a reference, not the value).
    """
    limit = max(1, in_flight * workers_of(client))
    shared_ref = client.scatter(shared, broadcast=True) if shared is not None else None
    chunks_in = (client.submit(func, list(chunk), shared_ref, pure=False) for chunk in chunks)
    yield from in_order(chunks_in, limit, progress)


def chunked(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """Consecutive slices of ``size`` items."""
    for start in range(0, len(items), max(1, size)):
        yield items[start:start + size]
