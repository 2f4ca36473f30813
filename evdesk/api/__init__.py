"""The automation API: HTTP+JSON on the site's asyncio loop (aiohttp), authenticated by
API keys that act as the operator they belong to. No Qt here."""
