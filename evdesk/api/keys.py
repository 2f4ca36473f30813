"""API keys for the HTTP layer: the service lives in the core (`evdesk.core.api_keys`), so
the screens can manage keys without importing the HTTP layer."""

from evdesk.core.api_keys import (  # noqa: F401
    KEY_PREFIX,
    LAST_USED_EVERY,
    ApiKeyInfo,
    ApiKeyService,
    Unauthorized,
    hash_key,
    new_key,
    split_key,
)
