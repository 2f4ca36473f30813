"""Setting up and running a site from a terminal (no display needed): `evdesk operator`,
`evdesk settings` and `evdesk api-key`. Each command opens the site's database, acts
through the core services (their checks and messages) as evdesk itself under a name that
says which command acted, prints one result, and exits: 0 when done, 1 with one line on
stderr when evdesk refused, 2 for a command used wrongly."""
