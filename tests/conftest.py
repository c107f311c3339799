"""Shared fixtures: one loaded pipeline per test session, the path to ../shared (skip when absent), and
the stores: ``store`` (and ``store_db``, its ``--db`` value) for each backend, DuckDB and PostgreSQL; the
PostgreSQL server is a throwaway one that scripts/start-postgres.sh starts for the session."""

from __future__ import annotations

import os
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def pipeline():
    from annales.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.exists():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


# -- stores: DuckDB and PostgreSQL ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a PostgreSQL database for the session: $ANNALES_TEST_POSTGRES when set, else a throwaway
    server (scripts/start-postgres.sh, which installs Debian's postgresql as root when it is missing),
    stopped at the end. Skips when there is none, unless $ANNALES_REQUIRE_POSTGRES is set."""
    url = os.environ.get("ANNALES_TEST_POSTGRES")
    if url:
        yield url
        return
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install -e '.[postgres]')")
    workdir = tempfile.mkdtemp(prefix="annales-pg-", dir="/tmp")  # short: the server's socket lives here
    script = ROOT / "scripts" / "start-postgres.sh"
    try:
        run = subprocess.run(["bash", str(script), workdir], capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.SubprocessError) as exc:
        run = subprocess.CompletedProcess([], 1, "", str(exc))
    if run.returncode != 0 or not run.stdout.strip():
        subprocess.run(["bash", str(script), "--stop", workdir], capture_output=True)
        why = f"no PostgreSQL server for the store tests: {run.stderr.strip()[-500:] or 'start-postgres.sh failed'}"
        if os.environ.get("ANNALES_REQUIRE_POSTGRES"):
            pytest.fail(why)
        pytest.skip(why)
    try:
        yield run.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(script), "--stop", workdir], capture_output=True, timeout=120)


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty schema of the session's database for one test: its URL (the schema first on the
    search path), dropped afterwards."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in postgres_server else "?"
    yield f"{postgres_server}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_server, autocommit=True) as con:
        con.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["duckdb", "postgres"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def store_db(backend, request, tmp_path) -> str:
    """``--db`` of a fresh, empty store: a DuckDB file, or a PostgreSQL URL."""
    if backend == "duckdb":
        return str(tmp_path / "store.duckdb")
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(backend, request):
    """A fresh, empty, open store: DuckDB in memory, or PostgreSQL."""
    from annales.store import open_store

    db = ":memory:" if backend == "duckdb" else request.getfixturevalue("postgres_url")
    with open_store(db) as s:
        yield s
