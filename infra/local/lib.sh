# shellcheck shell=bash
# shellcheck disable=SC2034  # the settings below are used by the scripts that source this file
# Shared helpers for the no-Docker local infrastructure scripts (postgres.sh, kafka.sh,
# temporal.sh, infra.sh). Source it; do not run it.
#
# Every setting comes from the environment with a default, so the same scripts serve the
# dev stack and the test profile (infra/local/test-profile.sh) side by side.

if [[ -n "${JIANFU_LIB_SOURCED:-}" ]]; then
  return 0
fi
JIANFU_LIB_SOURCED=1

# runuser, initdb's helpers and apt live in sbin folders that a minimal PATH may leave out.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin:/sbin" ;; esac

JIANFU_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$JIANFU_LOCAL_DIR/../.." && pwd)"

# --- configuration --------------------------------------------------------------------------

# Everything (binaries, jars, data, logs, pid files) lives under one folder so that deleting
# it resets the stack, and so that two profiles never share a file. (As root, Postgres's files
# live outside the checkout, linked from this folder; see postgres.sh.)
JIANFU_INFRA_HOME="${JIANFU_INFRA_HOME:-$REPO/.local/infra}"
# Relative paths would change meaning with the caller's cwd; pin them to the repo root.
if [[ "$JIANFU_INFRA_HOME" != /* ]]; then
  JIANFU_INFRA_HOME="$REPO/$JIANFU_INFRA_HOME"
fi
HOME_DIR="$JIANFU_INFRA_HOME"
JIANFU_LOG_DIR="$HOME_DIR/logs"
JIANFU_BIN_DIR="$HOME_DIR/bin"

# Default readiness timeout (seconds) for every server; each has its own override below.
JIANFU_START_TIMEOUT="${JIANFU_START_TIMEOUT:-90}"
JIANFU_STOP_TIMEOUT="${JIANFU_STOP_TIMEOUT:-30}"

# PostgreSQL. The password is a local development default only; never use it elsewhere.
JIANFU_PG_PORT="${JIANFU_PG_PORT:-5432}"
# Empty: postgres.sh picks the folder (in $HOME_DIR, or as root outside the checkout; see there).
JIANFU_PG_DATA="${JIANFU_PG_DATA:-}"
# As root, clusters live in per-home folders here, owned by the `postgres` OS user (see postgres.sh).
JIANFU_PG_SHARED_ROOT="${JIANFU_PG_SHARED_ROOT:-/var/lib/jianfu}"
JIANFU_PG_FSYNC="${JIANFU_PG_FSYNC:-on}"
JIANFU_PG_USER="${JIANFU_PG_USER:-jianfu}"
JIANFU_PG_PASSWORD="${JIANFU_PG_PASSWORD:-jianfu}"
JIANFU_PG_DATABASE="${JIANFU_PG_DATABASE:-jianfu}"
JIANFU_PG_START_TIMEOUT="${JIANFU_PG_START_TIMEOUT:-$JIANFU_START_TIMEOUT}"

# Kafka. 4.3.1 is the newest line whose artifacts all resolve from Maven Central and that
# passed the KafkaJS 2.2.4 probe (see infra/kafka/README.md); keep in sync with infra/kafka/pom.xml.
JIANFU_KAFKA_VERSION="${JIANFU_KAFKA_VERSION:-4.3.1}"
JIANFU_KAFKA_PORT="${JIANFU_KAFKA_PORT:-9092}"
JIANFU_KAFKA_CONTROLLER_PORT="${JIANFU_KAFKA_CONTROLLER_PORT:-9093}"
JIANFU_KAFKA_DATA="${JIANFU_KAFKA_DATA:-$HOME_DIR/kafka/data}"
JIANFU_KAFKA_HEAP_OPTS="${JIANFU_KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
JIANFU_KAFKA_START_TIMEOUT="${JIANFU_KAFKA_START_TIMEOUT:-$JIANFU_START_TIMEOUT}"

# Temporal (CLI dev server with a SQLite file, plus the time-skipping test server for tests).
JIANFU_TEMPORAL_CLI_VERSION="${JIANFU_TEMPORAL_CLI_VERSION:-1.9.1}"
JIANFU_TEMPORAL_TEST_SERVER_VERSION="${JIANFU_TEMPORAL_TEST_SERVER_VERSION:-1.40.0}"
JIANFU_TEMPORAL_PORT="${JIANFU_TEMPORAL_PORT:-7233}"
JIANFU_TEMPORAL_UI_PORT="${JIANFU_TEMPORAL_UI_PORT:-8233}"
JIANFU_TEMPORAL_DB="${JIANFU_TEMPORAL_DB:-$HOME_DIR/temporal/temporal.db}"
JIANFU_TEMPORAL_NAMESPACE="${JIANFU_TEMPORAL_NAMESPACE:-default}"
JIANFU_TEMPORAL_START_TIMEOUT="${JIANFU_TEMPORAL_START_TIMEOUT:-$JIANFU_START_TIMEOUT}"

# --- logging --------------------------------------------------------------------------------

# Messages go to stderr so that stdout stays clean for values (e.g. print-test-server-path).
log_info() { printf '[jianfu-infra] %s\n' "$*" >&2; }
log_warn() { printf '[jianfu-infra] WARNING: %s\n' "$*" >&2; }
log_error() { printf '[jianfu-infra] ERROR: %s\n' "$*" >&2; }
die() {
  log_error "$*"
  exit 1
}

# print_log_tail LOGFILE [LINES]: show the end of a server log after a failure.
print_log_tail() {
  local logfile="$1" lines="${2:-30}"
  if [[ -s "$logfile" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$logfile" >&2
    tail -n "$lines" "$logfile" >&2
    printf -- '----- end of %s -----\n' "$logfile" >&2
  else
    printf -- '(log file %s is empty or missing)\n' "$logfile" >&2
  fi
}

# A start sets JIANFU_START_CLEANUP to a function that stops what it launched, so a failed start
# never leaves a half-started server behind (which the next start would take for a running one).
JIANFU_START_CLEANUP=""

# fail_with_log NAME LOGFILE MESSAGE: the one way a start failure is reported.
fail_with_log() {
  local name="$1" logfile="$2"
  shift 2
  log_error "$name: $*"
  log_error "$name: log file: $logfile"
  print_log_tail "$logfile" 30
  if [[ -n "$JIANFU_START_CLEANUP" ]]; then
    log_error "$name: stopping the half-started server"
    "$JIANFU_START_CLEANUP" >/dev/null 2>&1 || true
  fi
  exit 1
}

# rotate_log FILE: keep exactly one previous run's log so logs do not grow forever.
rotate_log() {
  local logfile="$1"
  if [[ -s "$logfile" ]]; then
    mv -f "$logfile" "$logfile.1"
  fi
  : >"$logfile"
}

# --- ports and processes --------------------------------------------------------------------

# port_open HOST PORT: true when something accepts TCP connections there.
port_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# describe_port_owner PORT: best effort "who holds this port" for error messages.
describe_port_owner() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    ss -Hltnp "sport = :$port" 2>/dev/null | sed 's/^/    /' >&2 || true
  fi
}

# ensure_port_free NAME PORT LOGFILE VAR: refuse to start when a foreign process owns the port;
# otherwise the readiness probe would happily talk to that process instead of ours.
ensure_port_free() {
  local name="$1" port="$2" logfile="$3" var="$4"
  if port_open 127.0.0.1 "$port"; then
    log_error "$name: cannot start: 127.0.0.1:$port is already in use by another process:"
    describe_port_owner "$port"
    log_error "$name: stop that process or choose another port with $var=<port>."
    log_error "$name: log file: $logfile"
    exit 1
  fi
}

# pid_running PIDFILE PATTERN: true when the pid in PIDFILE is alive and its command line
# contains PATTERN (guards against a recycled pid after a reboot or crash).
pid_running() {
  local pidfile="$1" pattern="$2" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(<"$pidfile")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"
}

# stop_pidfile NAME PIDFILE PATTERN: SIGTERM, wait for a clean shutdown, SIGKILL as last resort.
stop_pidfile() {
  local name="$1" pidfile="$2" pattern="$3" pid waited=0
  if ! pid_running "$pidfile" "$pattern"; then
    rm -f "$pidfile"
    log_info "$name: not running"
    return 0
  fi
  pid="$(<"$pidfile")"
  log_info "$name: stopping (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= JIANFU_STOP_TIMEOUT * 10)); then
      log_warn "$name: still running after ${JIANFU_STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  rm -f "$pidfile"
  log_info "$name: stopped"
}

# wait_for_port NAME HOST PORT TIMEOUT LOGFILE [PID]: wait until HOST:PORT accepts connections.
# Fails fast (with the log) if PID dies first, and names the log on timeout.
wait_for_port() {
  local name="$1" host="$2" port="$3" timeout="$4" logfile="$5" pid="${6:-}"
  local deadline=$((SECONDS + timeout))
  until port_open "$host" "$port"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      fail_with_log "$name" "$logfile" "process $pid exited before $host:$port accepted connections"
    fi
    if ((SECONDS >= deadline)); then
      fail_with_log "$name" "$logfile" "$host:$port did not accept connections within ${timeout}s"
    fi
    sleep 0.2
  done
}

# wait_until NAME TIMEOUT LOGFILE PID DESCRIPTION CMD...: retry CMD until it succeeds.
wait_until() {
  local name="$1" timeout="$2" logfile="$3" pid="$4" what="$5"
  shift 5
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      fail_with_log "$name" "$logfile" "process $pid exited before: $what"
    fi
    if ((SECONDS >= deadline)); then
      fail_with_log "$name" "$logfile" "not ready within ${timeout}s: $what"
    fi
    sleep 0.5
  done
}

# now_ms / elapsed_since START_MS: wall-clock durations ("3.4s") for the start summaries.
now_ms() { date +%s%3N; }
elapsed_since() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%ds' "$((ms / 1000))" "$(((ms % 1000) / 100))"
}

# usage_and_exit SCRIPT: common usage text for the per-server scripts.
usage_and_exit() {
  printf 'usage: %s install|start|stop|status\n' "$1" >&2
  exit 2
}
