"""Write the analysis tables as Parquet files and one DuckDB database (``vollzug compare … --export DIR``).

Each file is written to a temporary name beside the target and renamed, so a failed run leaves no half file.
The DuckDB database holds the same tables with the same types (AGS VARCHAR, amounts DECIMAL, dates DATE) and the
column descriptions as comments.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from vollzug.compare.results import ComparisonSet
from vollzug.errors import OutputError
from vollzug.fileio import write_bytes_atomic
from vollzug.tables.build import build_tables
from vollzug.tables.schema import TABLES

DATABASE = "vollzug.duckdb"
"""File name of the DuckDB database in the export folder."""


def _parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write_duckdb(tables: dict[str, pa.Table], target: Path) -> None:
    """One DuckDB file with every table and its column comments (atomically replaced)."""
    import duckdb

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # duckdb creates the file itself
    try:
        with duckdb.connect(str(tmp)) as con:
            for name, table in tables.items():
                con.register("_incoming", table)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _incoming')  # noqa: S608 - names from TABLES
                con.unregister("_incoming")
                for column, _kind, text in TABLES[name]:
                    con.execute(f'COMMENT ON COLUMN "{name}"."{column}" IS {_quote(text)}')
        tmp.replace(target)
    except (OSError, duckdb.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"cannot write the DuckDB database: {exc}", file=target) from exc


def export_tables(result: ComparisonSet, out_dir: Path) -> list[Path]:
    """``DIR/<table>.parquet`` for every table plus ``DIR/vollzug.duckdb``; returns the written paths."""
    tables = build_tables(result)
    written: list[Path] = []
    for name, table in tables.items():
        target = out_dir / f"{name}.parquet"
        write_bytes_atomic(target, _parquet_bytes(table))
        written.append(target)
    database = out_dir / DATABASE
    write_duckdb(tables, database)
    written.append(database)
    return written
