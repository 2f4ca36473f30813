"""evdesk: an on-premise charging-station management system."""

__version__ = "0.1.0"
