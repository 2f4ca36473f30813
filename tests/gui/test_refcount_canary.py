"""Canary for the PySide6 6.12 / CPython 3.11 bug: every Python-side signal emit or slot
call lost a reference to True or None, and the process died after ~1,000 messages
(STACK-NOTES). If this fails, the installed PySide6 leaks: check the version pin."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot


class Emitter(QObject):
    flag = Signal(bool)
    nothing = Signal(object)
    text = Signal(str)


class Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.calls = 0

    @Slot(bool)
    def on_flag(self, value):
        self.calls += 1
        return True

    @Slot(object)
    def on_nothing(self, value):
        self.calls += 1
        return None

    def on_text(self, value):  # an undecorated Python callable
        self.calls += 1


def test_signals_do_not_leak_references_to_true_or_none(qapp):
    emitter, receiver = Emitter(), Receiver()
    emitter.flag.connect(receiver.on_flag)
    emitter.nothing.connect(receiver.on_nothing)
    emitter.text.connect(receiver.on_text)
    emitter.nothing.connect(lambda value: None)
    # warm up caches, then measure
    emitter.flag.emit(True)
    emitter.nothing.emit(None)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    rounds = 400
    for i in range(rounds):
        emitter.flag.emit(True)
        emitter.flag.emit(False)
        emitter.nothing.emit(None)
        emitter.text.emit("x")
    assert receiver.calls >= rounds * 4
    # a leak loses one reference per call: hundreds; allow a little noise from caches
    assert sys.getrefcount(True) >= true_before - 5
    assert sys.getrefcount(None) >= none_before - 5
