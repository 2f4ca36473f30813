"""The window's asyncio loop (qasync), made to scale with the number of stations.

qasync watches every socket with a QSocketNotifier, and Qt polls all of them on
every pass of its event loop: with 2,000 connected stations a pass cost about
160 µs before doing any work (6,000 passes a second at most, measured), so a
loaded site froze the window and delayed every station's answer. Here the sockets
are watched by one epoll set in a helper thread instead; only the ones that are
ready are handed to the loop, in batches, and their callbacks still run on the GUI
thread as before (so nothing else changes: one thread runs the site and the screens).

Each fd is armed one-shot: once reported it is not reported again until its
callback has run and re-armed it, the same contract qasync's notifiers keep.

And callbacks that are due now (`call_soon`: every resumed task, every finished
future) wait in one queue run in batches from a single Qt zero-timer. qasync
starts a Qt timer per callback; with thousands a second Qt's timer bookkeeping
grew with the queue, and a station's answer waited behind it (group-commit
answers took 90 ms here against 1 ms headless).
"""

from __future__ import annotations

import asyncio
import logging
import os
import select
import threading
from collections import deque

import qasync

log = logging.getLogger(__name__)

_READ = select.EPOLLIN | select.EPOLLPRI | select.EPOLLRDHUP
_WRITE = select.EPOLLOUT
_TROUBLE = select.EPOLLERR | select.EPOLLHUP


def _fileno(fd) -> int:
    return fd if isinstance(fd, int) else fd.fileno()


class _EpollWatcher:
    """Readiness of many fds, waited for in one helper thread, delivered on the loop's thread."""

    def __init__(self, loop: "SiteEventLoop"):
        self.loop = loop
        self.epoll = select.epoll()
        self.readers: dict[int, tuple] = {}
        self.writers: dict[int, tuple] = {}
        self.registered: set[int] = set()
        self._wake_r, self._wake_w = os.pipe()
        self.epoll.register(self._wake_r, select.EPOLLIN)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="evdesk-sockets", daemon=True)
        self._thread.start()

    # -- on the loop's thread ------------------------------------------------------------------
    def add(self, table: dict, fd, callback, args) -> None:
        fd = _fileno(fd)
        table[fd] = (callback, args)
        self._arm(fd)

    def remove(self, table: dict, fd) -> bool:
        fd = _fileno(fd)
        if table.pop(fd, None) is None:
            return False
        self._arm(fd)
        return True

    def _arm(self, fd: int) -> None:
        mask = (_READ if fd in self.readers else 0) | (_WRITE if fd in self.writers else 0)
        try:
            if not mask:
                if fd in self.registered:
                    self.registered.discard(fd)
                    self.epoll.unregister(fd)
                return
            if fd in self.registered:
                self.epoll.modify(fd, mask | select.EPOLLONESHOT)
            else:
                self.epoll.register(fd, mask | select.EPOLLONESHOT)
                self.registered.add(fd)
        except (FileNotFoundError, OSError, ValueError):
            # closed meanwhile (epoll forgets closed fds by itself)
            self.registered.discard(fd)

    def _dispatch(self, ready: list[tuple[int, int]]) -> None:
        for fd, events in ready:
            if events & (_READ | _TROUBLE):
                entry = self.readers.get(fd)
                if entry is not None:
                    self._call(entry)
            if events & (_WRITE | _TROUBLE):
                entry = self.writers.get(fd)
                if entry is not None:
                    self._call(entry)
            if fd in self.registered:
                self._arm(fd)  # one-shot: watch it again now that its callback ran

    @staticmethod
    def _call(entry) -> None:
        callback, args = entry
        try:
            callback(*args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException:  # a transport's own fault: asyncio logs those itself; never stop the others
            log.exception("socket callback %r failed", callback)

    def close(self) -> None:
        self._closed = True
        os.write(self._wake_w, b"x")
        self._thread.join(timeout=5)
        self.epoll.close()
        os.close(self._wake_r)
        os.close(self._wake_w)

    # -- in the helper thread ----------------------------------------------------------------------
    def _run(self) -> None:
        while not self._closed:
            try:
                events = self.epoll.poll()
            except InterruptedError:
                continue
            except (OSError, ValueError):
                if self._closed:
                    return
                raise
            ready = [(fd, ev) for fd, ev in events if fd != self._wake_r]
            if ready and not self._closed:
                try:
                    self.loop.call_soon_threadsafe(self._dispatch, ready)
                except RuntimeError:  # the loop is closed
                    return


class SiteEventLoop(qasync.QEventLoop):
    """qasync's loop, with sockets watched by epoll (see the module text)."""

    _epoll: _EpollWatcher | None = None
    _due: deque | None = None  # handles to run now, in order
    _due_scheduled = False

    @property
    def _watcher(self) -> _EpollWatcher:
        # made on first use: the base class registers its self-pipe while it is being built
        if self._epoll is None:
            self._epoll = _EpollWatcher(self)
        return self._epoll

    def _add_reader(self, fd, callback, *args):
        self._check_closed()
        self._watcher.add(self._watcher.readers, fd, callback, args)

    def _remove_reader(self, fd):
        if self.is_closed():
            return False
        return self._watcher.remove(self._watcher.readers, fd)

    def _add_writer(self, fd, callback, *args):
        self._check_closed()
        self._watcher.add(self._watcher.writers, fd, callback, args)

    def _remove_writer(self, fd):
        if self.is_closed():
            return False
        return self._watcher.remove(self._watcher.writers, fd)

    def _add_callback(self, handle, delay=0):
        if delay > 0:
            return super()._add_callback(handle, delay)
        if self._due is None:
            self._due = deque()
        self._due.append(handle)
        if not self._due_scheduled:
            self._due_scheduled = True
            super()._add_callback(asyncio.Handle(self._run_due, (), self), 0)
        return handle

    def _run_due(self) -> None:
        """Run the callbacks due when this batch began; later ones go in the next batch
        (so timers and Qt's own events get their turn in between)."""
        due = self._due
        for _ in range(len(due)):
            handle = due.popleft()
            if not handle._cancelled:
                handle._run()
        if due:
            super()._add_callback(asyncio.Handle(self._run_due, (), self), 0)
        else:
            self._due_scheduled = False

    def close(self):
        if not self.is_closed() and self._epoll is not None:
            self._epoll.close()
        super().close()


def make_event_loop(app) -> qasync.QEventLoop:
    """The window's loop: epoll-backed where the system has epoll (Linux), qasync's own elsewhere."""
    if hasattr(select, "epoll"):
        return SiteEventLoop(app)
    return qasync.QEventLoop(app)
