"""HTML report: a tiny escaping markup layer, page sections and inline assets."""
