"""Prices: tariffs, the engine that prices a session, and which tariff applies (pure, no I/O)."""

from evdesk.core.pricing.engine import Breakdown, Line, Span, Usage, price
from evdesk.core.pricing.tariff import KINDS, TariffPrices, free_prices, prices_from_dict, prices_from_snapshot

__all__ = ["Breakdown", "Line", "Span", "Usage", "price", "KINDS", "TariffPrices", "free_prices",
           "prices_from_dict", "prices_from_snapshot"]
