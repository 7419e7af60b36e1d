"""Publishing: the podcast feed, the catalog of editions, the listening page, the server."""
