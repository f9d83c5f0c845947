#!/usr/bin/env bash
# The whole local stack (PostgreSQL, Kafka, Temporal) without Docker.
#   infra/local/infra.sh install|start|stop|status
# For the isolated test stack: source infra/local/test-profile.sh first.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Start order: the database first, Temporal last; stop in reverse.
SERVERS=(postgres kafka temporal)

run_each() {
  local action="$1" server
  for server in "${SERVERS[@]}"; do
    "$JIANFU_LOCAL_DIR/$server.sh" "$action"
  done
}

summary() {
  cat <<EOF
jianfu local infrastructure (home: $HOME_DIR)
  DATABASE_URL=postgres://$JIANFU_PG_USER:$JIANFU_PG_PASSWORD@127.0.0.1:$JIANFU_PG_PORT/$JIANFU_PG_DATABASE
  KAFKA_BROKERS=127.0.0.1:$JIANFU_KAFKA_PORT
  TEMPORAL_ADDRESS=127.0.0.1:$JIANFU_TEMPORAL_PORT (namespace $JIANFU_TEMPORAL_NAMESPACE)
  Temporal UI: http://127.0.0.1:$JIANFU_TEMPORAL_UI_PORT
  logs: $JIANFU_LOG_DIR
EOF
}

cmd_status() {
  local server down=0
  for server in "${SERVERS[@]}"; do
    "$JIANFU_LOCAL_DIR/$server.sh" status || down=1
  done
  return "$down"
}

cmd_stop() {
  local i failed=0
  # Keep going when one fails, so a broken server never leaves the others running.
  for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do
    "$JIANFU_LOCAL_DIR/${SERVERS[i]}.sh" stop || failed=1
  done
  return "$failed"
}

case "${1:-}" in
  install) run_each install ;;
  start)
    started=$(now_ms)
    run_each start
    log_info "all servers ready in $(elapsed_since "$started")"
    summary
    ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) usage_and_exit "$0" ;;
esac
