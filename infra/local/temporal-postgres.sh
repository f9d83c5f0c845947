#!/usr/bin/env bash
# A production-shaped Temporal server for the benchmark: the server itself (`temporal-server`, every service in
# one process) with Postgres persistence and SQL visibility, built from the Go module, instead of the CLI's dev
# server on SQLite.
#   infra/local/temporal-postgres.sh install|start|stop|status|address|drop-databases
# install builds `temporal-server` and `temporal-sql-tool` once into .local/temporal-server/v<version>/ (on 2 busy
# cores the first build takes 10–20 minutes; later calls find it there). start creates the two databases on the
# Postgres named by JIANFU_TEMPORAL_PG_URL (default DATABASE_URL, else the profile's Postgres) with the sql tool's
# schema setup, writes the server's config, starts it on ports of its own, registers the namespace and the
# workflows' search attributes. Opt-in: nothing in .ci/run or the default test suite uses it (`npm run bench --
# --temporal=postgres` does).
#
# Settings (environment): JIANFU_TEMPORAL_SERVER_VERSION (1.32.0, the server inside the pinned CLI
# 1.9.1's dev server), JIANFU_TEMPORAL_PG_PORT (27400: frontend gRPC; the next ports are history, matching, worker,
# frontend HTTP, and +10 to +13 their membership ports, which the SQL schema stores as smallint: all below 32768), JIANFU_TEMPORAL_PG_SHARDS (4 history shards, fixed when
# the databases are created), JIANFU_TEMPORAL_PG_DATABASE (temporal), JIANFU_TEMPORAL_PG_VISIBILITY_DATABASE
# (temporal_visibility).
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=temporal-postgres
VERSION="${JIANFU_TEMPORAL_SERVER_VERSION:-1.32.0}"
# The build depends on the version only, so every profile of a checkout shares it.
BUILD_HOME="${JIANFU_TEMPORAL_SERVER_BUILD_HOME:-$REPO/.local/temporal-server}/v$VERSION"
SERVER_BIN="$BUILD_HOME/bin/temporal-server"
SQL_TOOL="$BUILD_HOME/bin/temporal-sql-tool"
SCHEMA_DIR="$BUILD_HOME/schema/postgresql/v12"
STATE_HOME="$HOME_DIR/temporal-postgres"
CONFIG_FILE="$STATE_HOME/config.yaml"
DYNAMIC_CONFIG_FILE="$STATE_HOME/dynamicconfig.yaml"
PIDFILE="$STATE_HOME/temporal-server.pid"
LOG_FILE="$JIANFU_LOG_DIR/temporal-postgres.log"
SCHEMA_LOG="$JIANFU_LOG_DIR/temporal-postgres-schema.log"
BASE_PORT="${JIANFU_TEMPORAL_PG_PORT:-27400}"
# The cluster membership table keeps a port in a smallint column; a higher one stops the server at start.
((BASE_PORT + 13 < 32768)) || die "$NAME: JIANFU_TEMPORAL_PG_PORT must be below 32755 (membership ports are smallint)"
SHARDS="${JIANFU_TEMPORAL_PG_SHARDS:-4}"
DATABASE="${JIANFU_TEMPORAL_PG_DATABASE:-temporal}"
VISIBILITY_DATABASE="${JIANFU_TEMPORAL_PG_VISIBILITY_DATABASE:-temporal_visibility}"
NAMESPACE="${JIANFU_TEMPORAL_NAMESPACE:-default}"
ADDRESS="127.0.0.1:$BASE_PORT"
# The config file in the command line tells this server apart from any other temporal-server process.
PATTERN="--config-file $CONFIG_FILE"

PG_URL="${JIANFU_TEMPORAL_PG_URL:-${DATABASE_URL:-postgres://$JIANFU_PG_USER:$JIANFU_PG_PASSWORD@127.0.0.1:$JIANFU_PG_PORT/$JIANFU_PG_DATABASE}}"
# postgres://user:password@host:port/database (no query string): the parts the server's config wants.
if [[ ! "$PG_URL" =~ ^postgres(ql)?://([^:@/]+):([^@/]*)@([^:/]+):([0-9]+)(/.*)?$ ]]; then
  die "$NAME: JIANFU_TEMPORAL_PG_URL must look like postgres://user:password@host:port/db (got $PG_URL)"
fi
PG_USER="${BASH_REMATCH[2]}"
PG_PASSWORD="${BASH_REMATCH[3]}"
PG_HOST="${BASH_REMATCH[4]}"
PG_PORT="${BASH_REMATCH[5]}"

cmd_install() {
  if [[ -x "$SERVER_BIN" && -x "$SQL_TOOL" && -d "$SCHEMA_DIR" ]]; then
    return 0
  fi
  command -v go >/dev/null 2>&1 || die "$NAME: Go is required to build temporal-server $VERSION"
  local started tmp modcache
  started=$(now_ms)
  mkdir -p "$BUILD_HOME"
  tmp="$BUILD_HOME/bin.tmp.$$"
  rm -rf "$tmp"
  log_info "$NAME: building temporal-server and temporal-sql-tool $VERSION from the Go module (once; minutes)"
  # go install builds outside any module, exactly the versions the server's go.mod pins.
  GOBIN="$tmp" GOFLAGS=-buildvcs=false go install \
    "go.temporal.io/server/cmd/server@v$VERSION" "go.temporal.io/server/cmd/tools/sql@v$VERSION" >&2 ||
    {
      rm -rf "$tmp"
      die "$NAME: go install of go.temporal.io/server v$VERSION failed"
    }
  # The schema files ship in the module, not in the binaries; the sql tool reads them from disk.
  modcache="$(go env GOMODCACHE)"
  rm -rf "$BUILD_HOME/schema"
  mkdir -p "$BUILD_HOME/schema/postgresql"
  cp -R "$modcache/go.temporal.io/server@v$VERSION/schema/postgresql/v12" "$BUILD_HOME/schema/postgresql/"
  chmod -R u+w "$BUILD_HOME/schema"
  mkdir -p "$BUILD_HOME/bin"
  mv "$tmp/server" "$SERVER_BIN"
  mv "$tmp/sql" "$SQL_TOOL"
  rm -rf "$tmp"
  log_info "$NAME: built in $(elapsed_since "$started") into $BUILD_HOME"
}

# sql_tool DATABASE COMMAND...: the schema tool's (verbose) output goes to its own log, shown when it fails.
sql_tool() {
  local database="$1"
  shift
  mkdir -p "$JIANFU_LOG_DIR"
  SQL_PASSWORD="$PG_PASSWORD" "$SQL_TOOL" --plugin postgres12 --endpoint "$PG_HOST" --port "$PG_PORT" \
    --user "$PG_USER" --database "$database" "$@" >>"$SCHEMA_LOG" 2>&1 ||
    fail_with_log "$NAME" "$SCHEMA_LOG" "temporal-sql-tool $* failed on $database"
}

database_exists() {
  PGPASSWORD="$PG_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -tA -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" \
    -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -qx 1
}

# Creates the database and its schema at version 0.0 once, then applies every versioned schema change not applied
# yet (update-schema is idempotent), so a newer server version migrates the same databases.
setup_database() {
  local database="$1" schema="$2"
  if ! database_exists "$database"; then
    log_info "$NAME: creating database $database on $PG_HOST:$PG_PORT"
    sql_tool "$database" create-database
    sql_tool "$database" setup-schema --version 0.0
  fi
  sql_tool "$database" update-schema --schema-dir "$SCHEMA_DIR/$schema/versioned"
}

write_config() {
  mkdir -p "$STATE_HOME"
  # What the platform needs that the dev server turns on by itself: IDs as long as the services' (task ids with
  # prefixes), Updates (on by default in 1.32, stated so a future default cannot silently change the benchmark),
  # and search attributes visible as soon as a service registers one.
  cat >"$DYNAMIC_CONFIG_FILE" <<'YAML'
limit.maxIDLength:
  - value: 255
frontend.enableUpdateWorkflowExecution:
  - value: true
frontend.enableUpdateWorkflowExecutionAsyncAccepted:
  - value: true
system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
YAML
  local datastore
  datastore() {
    cat <<YAML
      sql:
        pluginName: postgres12
        databaseName: $1
        connectAddr: "$PG_HOST:$PG_PORT"
        connectProtocol: tcp
        user: "$PG_USER"
        password: "$PG_PASSWORD"
        maxConns: $2
        maxIdleConns: $2
        maxConnLifetime: 1h
YAML
  }
  cat >"$CONFIG_FILE" <<YAML
# Written by infra/local/temporal-postgres.sh; edits are overwritten at the next start.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: $SHARDS
  datastores:
    postgres-default:
$(datastore "$DATABASE" 20)
    postgres-visibility:
$(datastore "$VISIBILITY_DATABASE" 4)
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
  frontend:
    rpc:
      grpcPort: $BASE_PORT
      membershipPort: $((BASE_PORT + 10))
      bindOnLocalHost: true
      httpPort: $((BASE_PORT + 4))
  history:
    rpc:
      grpcPort: $((BASE_PORT + 1))
      membershipPort: $((BASE_PORT + 11))
      bindOnLocalHost: true
  matching:
    rpc:
      grpcPort: $((BASE_PORT + 2))
      membershipPort: $((BASE_PORT + 12))
      bindOnLocalHost: true
  worker:
    rpc:
      grpcPort: $((BASE_PORT + 3))
      membershipPort: $((BASE_PORT + 13))
      bindOnLocalHost: true
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "$ADDRESS"
      httpAddress: "127.0.0.1:$((BASE_PORT + 4))"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: "$DYNAMIC_CONFIG_FILE"
  pollInterval: 10s
YAML
}

# The temporal CLI (the dev server's, from temporal.sh) registers the namespace and the search attributes.
temporal_cli() {
  timeout 20 "$JIANFU_BIN_DIR/temporal" "$@" --address "$ADDRESS"
}

health_serving() {
  temporal_cli operator cluster health | grep -qx SERVING
}

namespace_ready() {
  temporal_cli operator namespace describe --namespace "$NAMESPACE" >/dev/null 2>&1 ||
    temporal_cli operator namespace create --namespace "$NAMESPACE" --retention 72h >/dev/null 2>&1
  temporal_cli workflow list --namespace "$NAMESPACE" --limit 1
}

register_search_attributes() {
  local attribute
  # The workflows' search attributes (libs/contracts/src/workflows/search-attributes.ts), as temporal.sh registers
  # them on the dev server; every service process also registers any that a namespace lacks.
  for attribute in JianfuDistrict JianfuDepartment JianfuSubjectType JianfuSubjectId JianfuStep; do
    temporal_cli operator search-attribute create --namespace "$NAMESPACE" --name "$attribute" --type Keyword \
      >/dev/null 2>&1 || true
  done
}

is_running() {
  pid_running "$PIDFILE" "$PATTERN"
}

cmd_start() {
  local started pid port
  started=$(now_ms)
  cmd_install
  bash "$JIANFU_LOCAL_DIR/temporal.sh" install
  mkdir -p "$STATE_HOME" "$JIANFU_LOG_DIR"
  if is_running; then
    log_info "$NAME: already running on $ADDRESS (pid $(<"$PIDFILE"))"
    return 0
  fi
  # The shard count is part of the databases: a different one needs new databases (drop-databases first).
  if [[ -f "$STATE_HOME/shards" && "$(<"$STATE_HOME/shards")" != "$SHARDS" ]] && database_exists "$DATABASE"; then
    die "$NAME: the databases were created with $(<"$STATE_HOME/shards") history shards, not $SHARDS; run drop-databases first"
  fi
  setup_database "$DATABASE" temporal
  setup_database "$VISIBILITY_DATABASE" visibility
  echo "$SHARDS" >"$STATE_HOME/shards"
  write_config
  for port in "$BASE_PORT" $((BASE_PORT + 1)) $((BASE_PORT + 2)) $((BASE_PORT + 3)) $((BASE_PORT + 4)); do
    ensure_port_free "$NAME" "$port" "$LOG_FILE" JIANFU_TEMPORAL_PG_PORT
  done
  rotate_log "$LOG_FILE"
  log_info "$NAME: starting on $ADDRESS (Postgres $PG_HOST:$PG_PORT, databases $DATABASE and $VISIBILITY_DATABASE, $SHARDS shards, log $LOG_FILE)"
  nohup setsid "$SERVER_BIN" --config-file "$CONFIG_FILE" --allow-no-auth start >>"$LOG_FILE" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$PIDFILE"
  JIANFU_START_CLEANUP=cmd_stop
  wait_for_port "$NAME" 127.0.0.1 "$BASE_PORT" "$JIANFU_TEMPORAL_START_TIMEOUT" "$LOG_FILE" "$pid"
  wait_until "$NAME" "$JIANFU_TEMPORAL_START_TIMEOUT" "$LOG_FILE" "$pid" "cluster health SERVING" health_serving
  wait_until "$NAME" "$JIANFU_TEMPORAL_START_TIMEOUT" "$LOG_FILE" "$pid" "namespace $NAMESPACE usable" namespace_ready
  register_search_attributes
  log_info "$NAME: ready in $(elapsed_since "$started") at $ADDRESS (pid $pid)"
}

cmd_stop() {
  stop_pidfile "$NAME" "$PIDFILE" "$PATTERN"
}

cmd_status() {
  if is_running; then
    echo "$NAME: running on $ADDRESS (pid $(<"$PIDFILE"), config $CONFIG_FILE)"
  else
    echo "$NAME: stopped (port $BASE_PORT)"
    return 1
  fi
}

cmd_drop_databases() {
  is_running && die "$NAME: stop the server first"
  cmd_install
  local database
  for database in "$DATABASE" "$VISIBILITY_DATABASE"; do
    if database_exists "$database"; then sql_tool "$database" drop-database --force; fi
  done
  rm -f "$STATE_HOME/shards"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  address) echo "$ADDRESS" ;;
  drop-databases) cmd_drop_databases ;;
  *)
    echo "usage: $0 install|start|stop|status|address|drop-databases" >&2
    exit 2
    ;;
esac
