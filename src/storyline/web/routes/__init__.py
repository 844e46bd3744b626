"""One module per page type; each registers its HTML page and JSON twin on a router."""
