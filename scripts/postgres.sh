#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, one per checkout.
#   scripts/postgres.sh start   install Debian's postgresql when missing, start a server, print its URL
#   scripts/postgres.sh url     print the running server's URL
#   scripts/postgres.sh stop    stop it and remove its files
# The cluster lives in a temporary folder (ENDORSE_PG_DIR, default /tmp/endorse-pg-<checkout hash>), owned by
# the `postgres` user when run as root (the server refuses to run as root), listens on 127.0.0.1 only on a free
# port, and has a role and database `endorse` (password-protected; the role may create the tests' databases).
# Durability is off (fsync, synchronous_commit): it holds nothing worth keeping.
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT=${ENDORSE_PG_DIR:-${TMPDIR:-/tmp}/endorse-pg-$(pwd -P | sha256sum | cut -c1-12)}

as_owner() {
  # from / : the postgres user may not enter the caller's folder (a root-only temporary checkout)
  if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  [[ -n $found && -x $found/initdb ]] && echo "$found"
}

install_postgres() {
  [[ -n $(pg_bin) ]] && return
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    echo "postgres: Debian's postgresql is missing; run as root or install it first" >&2
    exit 1
  fi
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  echo "postgres: installing Debian's postgresql" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

running() {
  [[ -f $ROOT/url ]] && as_owner "$(pg_bin)/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1
}

start() {
  install_postgres
  if running; then cat "$ROOT/url"; return; fi
  local bin port password owner=postgres
  bin=$(pg_bin)
  [[ $(id -u) -ne 0 ]] && owner=$(id -un)
  rm -rf "$ROOT"
  install -d -m 700 -o "$owner" "$ROOT"
  port=$(free_port)
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  # trust on the Unix socket only: it sits in $ROOT, which nobody but the owner can enter
  as_owner "$bin/initdb" -D "$ROOT/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$ROOT/initdb.log" 2>&1 \
    || { cat "$ROOT/initdb.log" >&2; exit 1; }
  local options="-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$ROOT"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  as_owner "$bin/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w -t 60 -o "$options" start >/dev/null \
    || { cat "$ROOT/server.log" >&2; exit 1; }
  as_owner "$bin/psql" -q -h "$ROOT" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE endorse LOGIN CREATEDB PASSWORD '$password'" -c "CREATE DATABASE endorse OWNER endorse" >/dev/null
  local url="postgresql+psycopg://endorse:$password@127.0.0.1:$port/endorse"
  (umask 077; echo "$url" >"$ROOT/url")
  echo "$url"
}

stop() {
  if [[ -d $ROOT/data ]] && [[ -n $(pg_bin) ]]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$ROOT"
}

case ${1:-} in
  start) start ;;
  url) running && cat "$ROOT/url" || { echo "postgres: not running" >&2; exit 1; } ;;
  stop) stop ;;
  *) echo "usage: $0 start|url|stop" >&2; exit 2 ;;
esac
