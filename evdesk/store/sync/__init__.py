"""Several seats, one site: each seat's SQLite store kept in step with a shared PostgreSQL (issue 14).

`registry` says which tables sync, `rows` reads and writes them on the store's worker,
`shared` speaks to PostgreSQL, `engine` runs the rounds on a thread of its own.
"""
