"""Scale-out: run per-town work on a Dask distributed cluster (optional extra ``vollzug[cluster]``)."""
