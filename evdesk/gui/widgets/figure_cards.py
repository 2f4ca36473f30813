"""Cards with one figure each (the dashboard's period cards and last-24-hours figures, the
station header): a title, the value, and a line under it (the change against the period
before, in green for a rise and red for a fall, "—" when there is nothing to compare)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from evdesk.core.reads import point_states as sm

CARD_STYLE = ("QFrame#figureCard { background: palette(base); border: 1px solid #cfd8dc; border-radius: 6px; }"
              "QLabel#cardTitle { color: #546e7a; font-size: 8pt; font-weight: bold; }"
              "QLabel#cardValue { font-size: 15pt; font-weight: bold; }")


class FigureCard(QFrame):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        self.title = QLabel(title.upper(), self)
        self.title.setObjectName("cardTitle")
        self.value = QLabel("…", self)
        self.value.setObjectName("cardValue")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel("", self)
        self.note.setObjectName("cardNote")
        for label in (self.title, self.value, self.note):
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.setMinimumWidth(130)

    def show_value(self, value: str, note: str = "", change: float | None = None, compared: bool = False) -> None:
        self.value.setText(value)
        if compared:
            text = sm.percent_text(change, signed=True, decimals=1)
            colour = "#607d8b" if change is None or change == 0 else ("#2e7d32" if change > 0 else "#c62828")
            self.note.setText(f"{text} {note}".strip() if change is not None else self.tr("— nothing to compare with"))
            self.note.setStyleSheet(f"color: {colour};")
        else:
            self.note.setText(note)
            self.note.setStyleSheet("color: #607d8b;")


class CardRow(QWidget):
    """A row of cards; `card(key, title)` makes one the first time it is asked for."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = QHBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(8)
        self.cards: dict[str, FigureCard] = {}
        self.layout_.addStretch(1)

    def card(self, key: str, title: str) -> FigureCard:
        card = self.cards.get(key)
        if card is None:
            card = self.cards[key] = FigureCard(title, self)
            card.setObjectName("figureCard")
            card.setProperty("key", key)
            self.layout_.insertWidget(self.layout_.count() - 1, card)
        return card

    def keep_only(self, keys: set[str]) -> None:
        for key in [k for k in self.cards if k not in keys]:
            card = self.cards.pop(key)
            self.layout_.removeWidget(card)
            card.deleteLater()
