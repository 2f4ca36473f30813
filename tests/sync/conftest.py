from tests.pg import own_pg_cluster, pg_cluster, shared_db  # noqa: F401 - fixtures
