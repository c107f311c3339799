#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store's tests (tests/conftest.py) and for trying `--db postgresql://`.
#
#   scripts/start-postgres.sh [DIR]        start a server with its data in DIR (default /tmp/annales-pg), or
#                                          find the one already running there; print its URL
#                                          (postgresql://postgres@127.0.0.1:PORT/annales) on stdout
#   scripts/start-postgres.sh --stop DIR   stop that server and remove DIR
#   scripts/start-postgres.sh --install    only install Debian's postgresql when it is missing (run by
#                                          `make test`; never fails: without apt or root it warns, and the
#                                          PostgreSQL tests skip themselves)
#
# Starting is idempotent. The server listens on 127.0.0.1 on a free port and on a socket in DIR, trusts
# local connections (it is for tests: never put data you care about in it) and runs without fsync. As root
# it runs as the `postgres` user that the Debian package creates (PostgreSQL refuses to run as root).
set -u
warn() { echo "start-postgres: $*" >&2; }

pg_bin() {  # the directory with initdb and pg_ctl, newest version first
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    d="$(command -v pg_ctl 2>/dev/null)" && [ -x "$(dirname "$d")/initdb" ] && { dirname "$d"; return 0; }
    return 1
}

install_pg() {  # returns non-zero with a warning when it cannot
    pg_bin >/dev/null && return 0
    command -v apt-get >/dev/null 2>&1 || { warn "apt-get not found, cannot install postgresql"; return 1; }
    [ "$(id -u)" = 0 ] || { warn "not root, cannot install postgresql (sudo apt-get install postgresql)"; return 1; }
    warn "installing Debian's postgresql for the store tests ..."
    export DEBIAN_FRONTEND=noninteractive
    local log; log="$(mktemp)"
    timeout 600 apt-get -qq -o DPkg::Lock::Timeout=300 update >"$log" 2>&1 || warn "apt-get update failed, trying the install anyway"
    if ! timeout 900 apt-get -qq -o DPkg::Lock::Timeout=300 install -y --no-install-recommends postgresql >>"$log" 2>&1; then
        tail -5 "$log" >&2; rm -f "$log"
        warn "apt-get install postgresql failed"; return 1
    fi
    rm -f "$log"
    pg_bin >/dev/null || { warn "postgresql installed but initdb/pg_ctl not found"; return 1; }
}

if [ "${1:-}" = "--install" ]; then
    install_pg || warn "the PostgreSQL store tests will be skipped"
    exit 0
fi

STOP=0
if [ "${1:-}" = "--stop" ]; then STOP=1; shift; fi
DIR="${1:-${ANNALES_PG_DIR:-/tmp/annales-pg}}"
DATA="$DIR/data"

as_pg() {  # run a command as the server's owner
    if [ "$(id -u)" = 0 ]; then
        if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
        else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
    else
        "$@"
    fi
}

if [ "$STOP" = 1 ]; then
    BIN="$(pg_bin)" || { rm -rf "$DIR"; exit 0; }
    [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$DIR"
    exit 0
fi

BIN="$(pg_bin)" || install_pg || { warn "PostgreSQL is not installed (apt-get install postgresql)"; exit 3; }
BIN="$(pg_bin)"
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    warn "running as root and there is no postgres user to run the server as"; exit 3
fi

mkdir -p "$DIR" || exit 3
[ "$(id -u)" = 0 ] && chown -R postgres: "$DIR" && chmod 700 "$DIR"

if [ ! -f "$DATA/PG_VERSION" ]; then
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; warn "initdb failed"; exit 3; }
fi

if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    for _ in 1 2 3 4 5; do
        PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
                || echo $((20000 + RANDOM % 40000)))"
        if as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
               -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
               start >/dev/null 2>&1; then
            echo "$PORT" >"$DIR/port"
            break
        fi
        PORT=""
    done
    [ -n "${PORT:-}" ] || { tail -20 "$DIR/server.log" >&2 2>/dev/null; warn "the server did not start"; exit 3; }
fi
PORT="$(cat "$DIR/port")"
as_pg "$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -Atq -c "SELECT 1 FROM pg_database WHERE datname = 'annales'" \
    | grep -q 1 || as_pg "$BIN/createdb" -h "$DIR" -p "$PORT" -U postgres annales \
    || { warn "could not create the database annales"; exit 3; }
echo "postgresql://postgres@127.0.0.1:$PORT/annales"
