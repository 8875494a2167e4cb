#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server on 127.0.0.1 and TEST_DATABASE_URL set.
# Installs Debian's postgresql when missing and root; runs the server as `postgres` when root
# (initdb refuses root). The server and its temp dir are gone when the command ends.
set -euo pipefail

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(bin_dir)" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed: run 'apt-get install postgresql' (Debian) and try again." >&2
    exit 1
  fi
  echo "Installing Debian's PostgreSQL for the PostgreSQL tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(bin_dir)"

DIR="$(mktemp -d "${TMPDIR:-/tmp}/eksportbro-pg.XXXXXX")"
PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
as_db_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres: "$DIR"

stop() {
  as_db_user "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
trap "exit 143" TERM INT

as_db_user "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --no-sync -E UTF8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
as_db_user "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }
as_db_user "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres eksportbro_test

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/eksportbro_test"
# Tests that restart the database under the bot need to know where the server lives.
export TEST_PG_BIN="$BIN" TEST_PG_DATA="$DIR/data" TEST_PG_PORT="$PORT"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (throwaway, in $DIR)"
"$@"
