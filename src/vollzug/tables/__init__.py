"""Analysis tables: the results of a comparison as typed tables (pandas, Parquet, DuckDB), keyed by AGS."""
