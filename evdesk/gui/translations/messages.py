"""The core's most frequent messages to an operator (log-in, password, access), translated where the
GUI shows them (context "Messages").

The core never imports Qt and words its messages in English; the GUI looks the whole text up here
and shows the English when it is not listed (a message with names or numbers in it, say). The
texts are the core's constants (`tests/gui/test_translations.py` compares them), so a reworded
core message shows in English rather than with a stale translation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def message_text(text: str) -> str:
    return QCoreApplication.translate("Messages", text) if text else text


MESSAGES = (
    QT_TRANSLATE_NOOP("Messages", "Wrong credentials."),
    QT_TRANSLATE_NOOP("Messages", "Operator is inactive."),
    QT_TRANSLATE_NOOP("Messages", "Operator not found."),
    QT_TRANSLATE_NOOP("Messages", "Username already exists."),
    QT_TRANSLATE_NOOP("Messages", "Access denied."),
    QT_TRANSLATE_NOOP("Messages", "Password does not conform to password policy. Use at least 10 characters with "
                                  "letters and digits, or at least 16 characters of any kind."),
    QT_TRANSLATE_NOOP("Messages", "Password does not conform to password policy. The password must not be the "
                                  "username."),
)
