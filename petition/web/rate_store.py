"""limits' in-memory rate-limit store, made safe for gunicorn's threads.

``limits.storage.MemoryStorage`` (5.8.0) schedules its clean-up with "if the timer is not
alive: make a new one and start it". Two threads hitting a limit at the moment the last
timer ended both make one, then may both start the same: "RuntimeError: threads can only be
started once", a 500 on a packet download under a flood (benchmarks/flood.py found it;
upstream fixed it after 5.8.0, alisaifee/limits pull request 352). Here the store's writes
are taken one at a time.

It is registered under limits' own ``memory`` scheme, so ``memory://`` (our default, and
whatever RATELIMIT_STORAGE_URI a deployment sets to it) is this store; importing this
module is enough. Once a release of limits has the fix, delete this module.
"""

from __future__ import annotations

import threading
from functools import wraps

from limits.storage import MemoryStorage


def one_at_a_time(method):
    @wraps(method)
    def locked(self, *args, **kwargs):
        with self.write_lock:
            return method(self, *args, **kwargs)

    return locked


class ThreadSafeMemoryStorage(MemoryStorage):
    STORAGE_SCHEME = ["memory"]

    def __init__(self, *args, **kwargs):
        self.write_lock = threading.RLock()  # re-entrant: a sliding window calls incr
        super().__init__(*args, **kwargs)

    # Every write that may schedule the clean-up timer.
    incr = one_at_a_time(MemoryStorage.incr)
    decr = one_at_a_time(MemoryStorage.decr)
    acquire_entry = one_at_a_time(MemoryStorage.acquire_entry)
    acquire_sliding_window_entry = one_at_a_time(MemoryStorage.acquire_sliding_window_entry)
