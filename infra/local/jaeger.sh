#!/usr/bin/env bash
# Jaeger (all-in-one, in-memory storage) for the dev stack's traces, without Docker: the Go module
# github.com/jaegertracing/jaeger/cmd/jaeger built once with this machine's Go from the Go module proxy
# (as Kafka comes from Maven and Helm from the Go proxy), cached under .local/jaeger/bin.
#   infra/local/jaeger.sh install|start|stop|status|print-otlp-endpoint
# Not part of the test stack: no test depends on Jaeger.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# v1.75.0 of the module is the Jaeger v2 line (the OpenTelemetry Collector based binary): OTLP in, UI out.
JAEGER_VERSION="${JIANFU_JAEGER_VERSION:-v1.75.0}"
JAEGER_HOME="$REPO/.local/jaeger"
JAEGER_BIN="$JAEGER_HOME/bin/jaeger"
# The all-in-one configuration's own ports (changing them takes a configuration file of Jaeger's).
JAEGER_UI_PORT=16686
JAEGER_OTLP_HTTP_PORT=4318
PIDFILE="$JAEGER_HOME/jaeger.pid"
LOGFILE="$JIANFU_LOG_DIR/jaeger.log"

cmd_installed() {
  [[ -x "$JAEGER_BIN" && -f "$JAEGER_HOME/bin/.version" && "$(<"$JAEGER_HOME/bin/.version")" == "$JAEGER_VERSION" ]]
}

# The first build takes many minutes on a small machine; `up` must not wait for it. This starts it detached (once:
# a second call while it runs does nothing) and returns at once; the next `up` finds the binary and starts Jaeger.
cmd_install_in_background() {
  cmd_installed && return 0
  mkdir -p "$JAEGER_HOME" "$JIANFU_LOG_DIR"
  local build_pid="$JAEGER_HOME/build.pid"
  if [[ -f "$build_pid" ]] && kill -0 "$(<"$build_pid")" 2>/dev/null; then
    log_info "jaeger: still being built (pid $(<"$build_pid"), log $JIANFU_LOG_DIR/jaeger-build.log)"
    return 0
  fi
  setsid bash "${BASH_SOURCE[0]}" install >"$JIANFU_LOG_DIR/jaeger-build.log" 2>&1 </dev/null &
  echo $! >"$build_pid"
  log_info "jaeger: building in the background (log $JIANFU_LOG_DIR/jaeger-build.log); the next 'up' starts it"
}

cmd_install() {
  cmd_installed && return 0
  command -v go >/dev/null || die "jaeger: Go is needed to build Jaeger (the module is built, no binary is downloaded)"
  mkdir -p "$JAEGER_HOME/bin"
  log_info "jaeger: building github.com/jaegertracing/jaeger/cmd/jaeger@$JAEGER_VERSION from the Go module proxy (once; many minutes on a small machine)"
  # `go install …/cmd/jaeger@version` refuses the module: its go.mod has a replace directive (sarama), which only
  # the main module may carry. So the module is fetched from the proxy into Go's module cache and built there as
  # the main module, its replace honoured. Go's module and build caches (outside the checkout) keep a second build
  # quick.
  local source
  source="$(go mod download -json "github.com/jaegertracing/jaeger@$JAEGER_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -d "$source" ]] || die "jaeger: the Go module proxy did not give github.com/jaegertracing/jaeger@$JAEGER_VERSION"
  (cd "$source" && CGO_ENABLED=0 nice go build -trimpath -ldflags "-s -w" -o "$JAEGER_BIN" ./cmd/jaeger) >&2
  echo "$JAEGER_VERSION" >"$JAEGER_HOME/bin/.version"
}

cmd_start() {
  cmd_install
  mkdir -p "$JIANFU_LOG_DIR"
  if pid_running "$PIDFILE" "$JAEGER_BIN"; then
    log_info "jaeger: already running (pid $(<"$PIDFILE"))"
    return 0
  fi
  if port_open 127.0.0.1 "$JAEGER_UI_PORT" || port_open 127.0.0.1 "$JAEGER_OTLP_HTTP_PORT"; then
    die "jaeger: port $JAEGER_UI_PORT or $JAEGER_OTLP_HTTP_PORT is taken by another process"
  fi
  rotate_log "$LOGFILE"
  # Without --config the binary runs all-in-one with memory storage: OTLP on 4317/4318, the UI on 16686.
  setsid "$JAEGER_BIN" >>"$LOGFILE" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  wait_for_port jaeger 127.0.0.1 "$JAEGER_UI_PORT" "$JIANFU_START_TIMEOUT" "$LOGFILE" "$(<"$PIDFILE")"
  log_info "jaeger: ready, UI http://127.0.0.1:$JAEGER_UI_PORT"
}

case "${1:-}" in
  install) cmd_install ;;
  installed) cmd_installed ;;
  install-in-background) cmd_install_in_background ;;
  start) cmd_start ;;
  stop) stop_pidfile jaeger "$PIDFILE" "$JAEGER_BIN" ;;
  status)
    if pid_running "$PIDFILE" "$JAEGER_BIN"; then echo "jaeger: running (pid $(<"$PIDFILE"))"; else
      echo "jaeger: stopped"
      exit 1
    fi
    ;;
  print-otlp-endpoint) echo "http://127.0.0.1:$JAEGER_OTLP_HTTP_PORT" ;;
  print-ui-url) echo "http://127.0.0.1:$JAEGER_UI_PORT" ;;
  *)
    echo "usage: $0 install|installed|install-in-background|start|stop|status|print-otlp-endpoint|print-ui-url" >&2
    exit 2
    ;;
esac
