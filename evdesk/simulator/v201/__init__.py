"""The station side of OCPP 2.0.1 in evdesk's simulator (see `station.py`)."""

from .station import CallErrorReceived, SimulatedStation201, Transaction

__all__ = ["CallErrorReceived", "SimulatedStation201", "Transaction"]
