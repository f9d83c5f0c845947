#!/usr/bin/env bash
# Private PostgreSQL cluster for local development and tests, without Docker or systemd.
#   infra/local/postgres.sh install|start|stop|status
# Data lives in .local/infra/postgres/data (or $JIANFU_PG_DATA) and survives stop/start.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=postgres
# The link in the infra home that names the cluster's folder, wherever that folder is.
PG_LINK="$HOME_DIR/postgres"

# initdb refuses to run as root, so as root the cluster belongs to the `postgres` OS user that
# Debian's package creates; as an ordinary user the cluster simply belongs to that user.
if [[ $EUID -eq 0 ]]; then
  PG_OS_USER=postgres
else
  PG_OS_USER="$(id -un)"
fi

# Where the cluster's data, socket and log live (PG_HOME), decided the same way by every command:
# - as an ordinary user, or with JIANFU_PG_DATA set: in the infra home, as everything else;
# - as root, a cluster already initialised in the infra home stays there;
# - else, as root, in $JIANFU_PG_SHARED_ROOT/<id of the infra home>, owned by the `postgres` OS user, and
#   the infra home's `postgres` is a link to it. The server runs as `postgres`, which cannot reach a
#   checkout inside a private home folder (root's /root is mode 700); /var/lib/jianfu it always reaches.
#   The id hashes the infra home's path, so every checkout and profile has its own cluster.
PG_EXTERNAL=0
if [[ -n "$JIANFU_PG_DATA" ]]; then
  PG_HOME="$HOME_DIR/postgres"
elif [[ $EUID -ne 0 || (! -L "$PG_LINK" && -f "$PG_LINK/data/PG_VERSION") ]]; then
  PG_HOME="$HOME_DIR/postgres"
  JIANFU_PG_DATA="$PG_HOME/data"
else
  PG_EXTERNAL=1
  PG_HOME="$JIANFU_PG_SHARED_ROOT/$(printf '%s' "$HOME_DIR" | sha256sum | cut -c1-16)"
  JIANFU_PG_DATA="$PG_HOME/data"
fi
PG_SOCKET_DIR="$PG_HOME/run"
if ((PG_EXTERNAL)); then
  # pg_ctl opens the log as the server's user, so it lives beside the data; logs/ links to it.
  PG_LOG="$PG_HOME/postgres.log"
else
  PG_LOG="$JIANFU_LOG_DIR/postgres.log"
fi
# The cluster's superuser has the OS user's name so that peer auth on the socket just works.
PG_SUPERUSER="$PG_OS_USER"

as_pg() {
  if [[ $EUID -eq 0 ]]; then
    # From /: the caller's folder may be one the postgres user cannot enter (a checkout under /root).
    (cd / && runuser -u "$PG_OS_USER" -- "$@")
  else
    "$@"
  fi
}

# Newest server binaries installed by Debian's packages; JIANFU_PG_BIN overrides.
find_pg_bin() {
  if [[ -n "${JIANFU_PG_BIN:-}" ]]; then
    printf '%s\n' "$JIANFU_PG_BIN"
    return 0
  fi
  local initdb
  initdb="$(find /usr/lib/postgresql/*/bin -maxdepth 1 -name initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$initdb" ]] || return 1
  dirname "$initdb"
}

cmd_install() {
  if PG_BIN="$(find_pg_bin)" && [[ -x "$PG_BIN/initdb" ]]; then
    log_info "$NAME: server binaries present in $PG_BIN"
    return 0
  fi
  [[ $EUID -eq 0 ]] || die "$NAME: no initdb under /usr/lib/postgresql/*/bin; install the 'postgresql' package (needs root)"
  log_info "$NAME: installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Install postgresql-common first and switch off Debian's auto-created 'main' cluster, which
  # would otherwise try to take port 5432 (same approach as the official postgres image).
  apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null
  if [[ -f /etc/postgresql-common/createcluster.conf ]]; then
    sed -ri 's/^#?\s*create_main_cluster\s*=.*$/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf
  fi
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  PG_BIN="$(find_pg_bin)" || die "$NAME: postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
  log_info "$NAME: installed server binaries in $PG_BIN"
}

# The postmaster's pid from its own lock file (first line of postmaster.pid).
postmaster_pid() {
  local pidfile="$JIANFU_PG_DATA/postmaster.pid"
  [[ -r "$pidfile" ]] || return 1
  head -n 1 "$pidfile"
}

# The port the running postmaster actually listens on (4th line of postmaster.pid).
running_port() {
  sed -n 4p "$JIANFU_PG_DATA/postmaster.pid" 2>/dev/null
}

# A cluster already running from this data dir with another port is a config mix-up, not "ready".
ensure_running_port_matches() {
  local port
  port="$(running_port)"
  if [[ -n "$port" && "$port" != "$JIANFU_PG_PORT" ]]; then
    die "$NAME: the cluster in $JIANFU_PG_DATA is already running on port $port, not JIANFU_PG_PORT=$JIANFU_PG_PORT; stop it first (log file: $PG_LOG)"
  fi
}

is_running() {
  [[ -n "${PG_BIN:-}" ]] || PG_BIN="$(find_pg_bin)" || return 1
  [[ -f "$JIANFU_PG_DATA/PG_VERSION" ]] || return 1
  as_pg "$PG_BIN/pg_ctl" status -D "$JIANFU_PG_DATA" >/dev/null 2>&1
}

# The cluster folder outside the checkout belongs to the infra home that links to it. A folder without
# that link is left from an infra home that was deleted (deleting it resets the stack, as its README says),
# so its cluster is stopped and removed rather than silently brought back.
claim_external_home() {
  if [[ -d "$PG_HOME" && "$(readlink "$PG_LINK" 2>/dev/null)" != "$PG_HOME" ]]; then
    log_info "$NAME: removing the cluster of an earlier $HOME_DIR from $PG_HOME"
    if is_running; then
      as_pg "$PG_BIN/pg_ctl" stop -D "$JIANFU_PG_DATA" -m fast -w -t "$JIANFU_STOP_TIMEOUT" >/dev/null ||
        die "$NAME: could not stop the earlier cluster in $PG_HOME"
    fi
    rm -rf "$PG_HOME"
  fi
  mkdir -p "$JIANFU_PG_SHARED_ROOT" "$PG_HOME"
  chmod 755 "$JIANFU_PG_SHARED_ROOT" "$PG_HOME"
  printf '%s\n' "$HOME_DIR" >"$PG_HOME/infra-home"
  if [[ ! -L "$PG_LINK" ]]; then
    # A folder left by a start that could not initialise a cluster there (nothing to keep).
    rm -rf "$PG_LINK"
  fi
  mkdir -p "$HOME_DIR"
  ln -sfn "$PG_HOME" "$PG_LINK"
  mkdir -p "$JIANFU_LOG_DIR"
  ln -sfn "$PG_LOG" "$JIANFU_LOG_DIR/postgres.log"
}

prepare_dirs() {
  ((PG_EXTERNAL)) && claim_external_home
  mkdir -p "$JIANFU_LOG_DIR" "$PG_HOME" "$PG_SOCKET_DIR" "$JIANFU_PG_DATA"
  touch "$PG_LOG"
  if [[ $EUID -eq 0 ]]; then
    chown "$PG_OS_USER:" "$PG_SOCKET_DIR" "$JIANFU_PG_DATA" "$PG_LOG"
    # The postgres user must be able to reach the data dir through every parent folder.
    as_pg test -x "$JIANFU_PG_DATA" ||
      die "$NAME: the '$PG_OS_USER' OS user cannot reach $JIANFU_PG_DATA (a parent folder is not world-searchable); set JIANFU_INFRA_HOME or JIANFU_PG_DATA elsewhere"
  fi
  chmod 700 "$JIANFU_PG_DATA"
}

init_cluster() {
  [[ -f "$JIANFU_PG_DATA/PG_VERSION" ]] && return 0
  log_info "$NAME: initialising a new cluster in $JIANFU_PG_DATA"
  # Peer auth on the private socket for the superuser; passwords (SCRAM) over TCP for the app.
  as_pg "$PG_BIN/initdb" -D "$JIANFU_PG_DATA" -U "$PG_SUPERUSER" --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >>"$PG_LOG" 2>&1 ||
    fail_with_log "$NAME" "$PG_LOG" "initdb failed for $JIANFU_PG_DATA"
  # Our settings live in their own file, rewritten at every start (so port/fsync changes apply).
  printf "\ninclude_if_exists = 'jianfu.conf'\n" >>"$JIANFU_PG_DATA/postgresql.conf"
}

write_config() {
  local conf="$JIANFU_PG_DATA/jianfu.conf"
  {
    echo "# Written by infra/local/postgres.sh at every start; edit the script, not this file."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $JIANFU_PG_PORT"
    echo "unix_socket_directories = '$PG_SOCKET_DIR'"
    echo "max_connections = 200"
    echo "password_encryption = 'scram-sha-256'"
    if [[ "$JIANFU_PG_FSYNC" == off ]]; then
      # Only for throwaway test clusters: a crash can corrupt data, which tests do not care about.
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    else
      echo "fsync = on"
      echo "synchronous_commit = on"
      echo "full_page_writes = on"
    fi
  } >"$conf"
  [[ $EUID -eq 0 ]] && chown "$PG_OS_USER:" "$conf"
  return 0
}

psql_super() {
  as_pg "$PG_BIN/psql" -X -q -h "$PG_SOCKET_DIR" -p "$JIANFU_PG_PORT" -U "$PG_SUPERUSER" -d postgres \
    -v ON_ERROR_STOP=1 "$@"
}

# Create (or update the password of) the app's login role and its database; safe to repeat.
bootstrap_role_and_db() {
  psql_super -v role="$JIANFU_PG_USER" -v pass="$JIANFU_PG_PASSWORD" -v db="$JIANFU_PG_DATABASE" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
-- CREATEDB lets test suites create and drop throwaway databases.
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'role', :'pass') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
}

tcp_login_works() {
  PGPASSWORD="$JIANFU_PG_PASSWORD" PGCONNECT_TIMEOUT=3 "$PG_BIN/psql" -X -q -tA \
    -h 127.0.0.1 -p "$JIANFU_PG_PORT" -U "$JIANFU_PG_USER" -d "$JIANFU_PG_DATABASE" -c 'select 1' >/dev/null
}

connection_url() {
  printf 'postgres://%s:%s@127.0.0.1:%s/%s\n' "$JIANFU_PG_USER" "$JIANFU_PG_PASSWORD" "$JIANFU_PG_PORT" "$JIANFU_PG_DATABASE"
}

cmd_start() {
  local started pid
  started=$(now_ms)
  cmd_install
  prepare_dirs
  if is_running; then
    ensure_running_port_matches
    log_info "$NAME: already running on 127.0.0.1:$JIANFU_PG_PORT (data $JIANFU_PG_DATA)"
    return 0
  fi
  ensure_port_free "$NAME" "$JIANFU_PG_PORT" "$PG_LOG" JIANFU_PG_PORT
  init_cluster
  write_config
  rotate_log "$PG_LOG"
  [[ $EUID -eq 0 ]] && chown "$PG_OS_USER:" "$PG_LOG"
  log_info "$NAME: starting on 127.0.0.1:$JIANFU_PG_PORT (fsync=$JIANFU_PG_FSYNC, log $PG_LOG)"
  JIANFU_START_CLEANUP=cmd_stop
  # pg_ctl -w waits for the postmaster to accept connections; -t bounds that wait.
  as_pg "$PG_BIN/pg_ctl" start -D "$JIANFU_PG_DATA" -l "$PG_LOG" -w -t "$JIANFU_PG_START_TIMEOUT" >/dev/null 2>&1 ||
    fail_with_log "$NAME" "$PG_LOG" "pg_ctl start failed (data $JIANFU_PG_DATA, port $JIANFU_PG_PORT)"
  pid="$(postmaster_pid)" || fail_with_log "$NAME" "$PG_LOG" "no postmaster.pid after start"
  wait_for_port "$NAME" 127.0.0.1 "$JIANFU_PG_PORT" "$JIANFU_PG_START_TIMEOUT" "$PG_LOG" "$pid"
  bootstrap_role_and_db >>"$PG_LOG" 2>&1 ||
    fail_with_log "$NAME" "$PG_LOG" "could not create role '$JIANFU_PG_USER' / database '$JIANFU_PG_DATABASE'"
  wait_until "$NAME" "$JIANFU_PG_START_TIMEOUT" "$PG_LOG" "$pid" \
    "password login as $JIANFU_PG_USER over TCP 127.0.0.1:$JIANFU_PG_PORT" tcp_login_works
  log_info "$NAME: ready in $(elapsed_since "$started") at $(connection_url)"
}

cmd_stop() {
  PG_BIN="$(find_pg_bin)" || {
    log_info "$NAME: not installed"
    return 0
  }
  if ! is_running; then
    log_info "$NAME: not running"
    return 0
  fi
  log_info "$NAME: stopping"
  # 'fast' mode: roll back open transactions and shut down cleanly (no crash recovery next time).
  as_pg "$PG_BIN/pg_ctl" stop -D "$JIANFU_PG_DATA" -m fast -w -t "$JIANFU_STOP_TIMEOUT" >/dev/null ||
    die "$NAME: pg_ctl stop failed; log file: $PG_LOG"
  log_info "$NAME: stopped"
}

cmd_status() {
  PG_BIN="$(find_pg_bin)" || true
  if is_running; then
    ensure_running_port_matches
    echo "postgres: running on 127.0.0.1:$JIANFU_PG_PORT ($(connection_url)) data=$JIANFU_PG_DATA"
  else
    echo "postgres: stopped (port $JIANFU_PG_PORT, data=$JIANFU_PG_DATA)"
    return 1
  fi
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage_and_exit "$0" ;;
esac
