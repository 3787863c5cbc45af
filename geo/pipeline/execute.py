"""Running tasks: here (one worker), on local processes (:func:`dask.delayed`), or on a Dask cluster.

One worker runs the tasks in this process, in order, and imports no Dask. More run as
``dask.delayed`` calls, one per task, on a pool of that many local processes; with a
scheduler address (``--scheduler``, ``GEO_DASK_SCHEDULER``) on that running
``dask.distributed`` cluster, whose workers need geo installed (the same version) and a
cache folder of their own, where each builds the gazetteer index once. Results come back in
task order whatever ran where.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from typing import Any

from geo.errors import GeoError

_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?[^\s/:@]+(?::\d{1,5})?/?$", re.I)
CONNECT_SECONDS = 10.0


class SchedulerError(GeoError):
    """The Dask scheduler asked for cannot be reached, or its workers failed."""


def machine_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_address(address: str) -> str:
    """A scheduler address as Dask takes it (``tcp://HOST:PORT``, ``HOST:PORT``), else a SchedulerError.

    >>> check_address("tcp://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    >>> check_address("not an address")
    Traceback (most recent call last):
    ...
    geo.pipeline.execute.SchedulerError: scheduler 'not an address' is not an address such as tcp://HOST:8786
    """
    address = address.strip()
    if not _ADDRESS.match(address):
        raise SchedulerError(f"scheduler {address!r} is not an address such as tcp://HOST:8786")
    return address


class LocalPool:
    """Where the tasks of one run go, for all its rounds: local processes, started when the first
    round needs them (Dask's process scheduler would start a pool for each), or, with
    ``scheduler``, a client of that cluster, connected at once (an unreachable one is an error
    before any work, even when the cache has every result)."""

    def __init__(self, workers: int, scheduler: str | None = None):
        self.workers, self.executor = workers, None
        self.last = False  # the run has one round: its processes go once it is done, before its results are unpickled
        self.client = _connect(check_address(scheduler)) if scheduler is not None else None

    def get(self):
        if self.executor is None:
            from concurrent.futures import ProcessPoolExecutor

            from dask.multiprocessing import get_context

            self.executor = ProcessPoolExecutor(self.workers, mp_context=get_context())
        return self.executor

    def warm(self, fn: Callable[..., Any], *args: Any) -> None:
        """Start the local processes now, each running ``fn(*args)`` (its imports, its geoparser),
        while this process still lists, hashes and looks up: they are ready when the tasks come."""
        if self.client is None and self.workers > 1:
            pool = self.get()
            for _ in range(self.workers):
                pool.submit(fn, *args)

    def __enter__(self) -> LocalPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
        if self.client is not None:
            self.client.close()

    def close(self) -> None:
        """The local processes stopped (their memory given back); started again if asked for."""
        if self.executor is not None:
            self.executor.shutdown()
            self.executor = None


def run_tasks(fn: Callable[..., Any], tasks: Sequence[tuple], workers: int = 1, scheduler: str | None = None,
              label: str = "reading articles", pool: LocalPool | None = None,
              weights: Sequence[int] | None = None) -> list[Any]:
    """``fn(*task)`` for every task, in order: here, on ``workers`` local processes (``pool``'s
    if given), or on ``scheduler``; a progress bar on a terminal counts the tasks done (or their
    ``weights``: the articles they hold) wherever they ran."""
    from geo.progress import Bar

    weights = list(weights) if weights is not None else [1] * len(tasks)
    bar = Bar(label, sum(weights))
    try:
        if scheduler is None and (workers <= 1 or len(tasks) <= 1):
            out = []
            for task, weight in zip(tasks, weights):
                out.append(fn(*task))
                bar.step(weight)  # once it is done, as the processes' and the cluster's are counted
            return out
        import uuid

        import dask

        # Delayed calls, not a bag: a bag's results are joined by a task of its own, which the local
        # scheduler sends to a process, every result there and back (100,000 articles: 470 MB more
        # in a worker, 440 MB in this process).
        name = f"geo-task-{uuid.uuid4().hex}"
        calls = [dask.delayed(packed, pure=False)(pickle.dumps((fn, task), protocol=pickle.HIGHEST_PROTOCOL),
                                                 dask_key_name=(name, i)) for i, task in enumerate(tasks)]
        if scheduler is not None:
            with nullcontext(pool) if pool is not None and pool.client is not None else LocalPool(1, scheduler) as run:
                return unpacked(_on_cluster(calls, run.client, scheduler, bar, weights))
        with _Counted(bar, name, weights), nullcontext(pool) if pool is not None else LocalPool(workers) as local:
            # one task per hand-out (Dask's default of 6 leaves a worker idle at the end)
            # (its get function, not the name "processes": a name makes Dask import distributed, 1-2 s and 29 MB)
            from dask.multiprocessing import get

            out = list(dask.compute(*calls, scheduler=get, num_workers=workers, pool=local.get(), chunksize=1))
            del calls
            if local.last:  # 100,000 articles: 500 MB of processes beside the results being unpickled
                local.close()
        return unpacked(out)
    finally:
        bar.close()


def unpacked(blobs: list[bytes]) -> list[Any]:
    """The results, each one's bytes let go once it is unpickled: the peak is the larger of the
    two, not their sum."""
    out = []
    for i in range(len(blobs)):
        blob, blobs[i] = blobs[i], b""
        out.append(pickle.loads(blob))
    return out


def packed(blob: bytes) -> bytes:
    """A task and its result travel pickled: one bytes object each way, which Dask's own pickling
    (cloudpickle, object by object in Python) passes through at once: several times faster."""
    fn, task = pickle.loads(blob)
    return pickle.dumps(fn(*task), protocol=pickle.HIGHEST_PROTOCOL)


def _connect(address: str):
    import logging

    from distributed import Client

    from geo.options import options

    timeout = options.dask_timeout
    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # its own retries are not the user's concern
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address} within {timeout:g} s ({exc}); "
                             "is it running? (start one with 'dask scheduler', workers with 'dask worker ADDRESS')") from None


def _on_cluster(calls: list, client, address: str, bar=None, weights: Sequence[int] = ()) -> list[Any]:
    """The calls' results from the cluster, in order, each counted on ``bar`` as it comes back."""
    from distributed import as_completed

    try:
        futures = client.compute(calls)
        at = {f.key: i for i, f in enumerate(futures)}
        for done in as_completed(futures, loop=client.loop):
            if bar is not None:
                bar.step(weights[at[done.key]] if weights else 1)
        return client.gather(futures)
    except (ImportError, ModuleNotFoundError) as exc:
        raise SchedulerError(f"the workers of {address} cannot run geo ({exc}): install geo on them") from None


class _Counted:
    """Counts the tasks (keys ``(name, i)``) on ``bar`` as local processes finish them (a Dask callback, run
    here by the scheduler as each result comes back)."""

    def __init__(self, bar, name: str, weights: Sequence[int]):
        from dask.callbacks import Callback

        def posttask(key, result, dsk, state, worker_id) -> None:
            if isinstance(key, tuple) and key[0] == name:
                bar.step(weights[key[1]])

        self.callback = Callback(posttask=posttask)

    def __enter__(self):
        self.callback.__enter__()
        return self

    def __exit__(self, *exc):
        self.callback.__exit__(*exc)
