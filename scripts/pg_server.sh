#!/usr/bin/env bash
# A throw-away PostgreSQL server on loopback, for the test suite and the benchmarks.
#
#   scripts/pg_server.sh run COMMAND…   start a server, run COMMAND with NEWSTRACE_TEST_DATABASE_URL set
#                                       to it (a superuser URL), stop and delete the server afterwards;
#                                       exits with COMMAND's status
#   scripts/pg_server.sh start          start a server; print its folder and its URL (two lines)
#   scripts/pg_server.sh stop FOLDER    stop the server started in FOLDER and delete FOLDER
#
# Uses Debian's server binaries (/usr/lib/postgresql/*/bin, or pg_ctl on PATH); `make postgres`
# installs them. As root the server runs as the `postgres` user (initdb refuses root). Data lives in
# a fresh folder under ${TMPDIR:-/tmp}; durability is off (fsync, full-page writes): a test server.
# `run` reuses the server named by NEWSTRACE_TEST_DATABASE_URL when that is already set. When no
# server can start, `run` prints why and exits 0 without running COMMAND, unless
# NEWSTRACE_REQUIRE_POSTGRES=1, when it fails.
set -euo pipefail

bindir() {
    if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$found" ] && [ -x "$found/pg_ctl" ] && { echo "$found"; return; }
    return 1
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_owner() {  # run a server command as the folder's owner (postgres when we are root)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local bin dir port base
    bin=$(bindir) || { echo "no PostgreSQL server binaries (make postgres installs them)" >&2; return 1; }
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
        echo "running as root and there is no postgres user to run the server as" >&2; return 1
    fi
    base=${TMPDIR:-/tmp}
    [ "$(id -u)" = 0 ] && base=/tmp  # the postgres user must reach it
    dir=$(mktemp -d "$base/newstrace-pg.XXXXXX")
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U newstrace --auth=trust --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/data \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 \
         -c shared_buffers=128MB" >/dev/null \
        || { cat "$dir/data/server.log" >&2; rm -rf "$dir"; return 1; }
    echo "$bin" >"$dir/bindir"
    echo "$dir"
    echo "postgresql+psycopg://newstrace@127.0.0.1:$port/postgres"
}

stop() {
    local dir=$1
    [ -f "$dir/bindir" ] && as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

run() {
    if [ -n "${NEWSTRACE_TEST_DATABASE_URL:-}" ]; then "$@"; return; fi
    local out
    if ! out=$(start); then
        if [ "${NEWSTRACE_REQUIRE_POSTGRES:-0}" = 1 ]; then
            echo "PostgreSQL could not start and NEWSTRACE_REQUIRE_POSTGRES=1" >&2; return 1
        fi
        echo "PostgreSQL could not start: the PostgreSQL run of the tests is skipped"; return 0
    fi
    server_dir=$(sed -n 1p <<<"$out")  # global: the trap runs after this function returns
    trap 'stop "$server_dir"' EXIT
    trap 'exit 130' INT TERM
    NEWSTRACE_TEST_DATABASE_URL=$(sed -n 2p <<<"$out") "$@"
}

case "${1:-}" in
    run) shift; run "$@" ;;
    start) start ;;
    stop) stop "$2" ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
