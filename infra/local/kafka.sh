#!/usr/bin/env bash
# Single-node Apache Kafka (KRaft, combined broker+controller) on 127.0.0.1, without Docker.
#   infra/local/kafka.sh install|start|stop|status|topics
# The broker jars come from Maven Central through infra/kafka/pom.xml (the Apache download
# site is not reachable here). Topic data lives in $JIANFU_KAFKA_DATA and survives stop/start.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

NAME=kafka
KAFKA_HOME="$HOME_DIR/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs-$JIANFU_KAFKA_VERSION"
KAFKA_CONF_DIR="$KAFKA_HOME/config"
KAFKA_PROPS="$KAFKA_CONF_DIR/server.properties"
KAFKA_TOOLS_PROPS="$KAFKA_CONF_DIR/admin-client.properties"
KAFKA_CLUSTER_ID_FILE="$KAFKA_HOME/cluster.id"
KAFKA_PIDFILE="$KAFKA_HOME/kafka.pid"
KAFKA_LOG="$JIANFU_LOG_DIR/kafka.log"
KAFKA_POM="$REPO/infra/kafka/pom.xml"
KAFKA_MAJOR="${JIANFU_KAFKA_VERSION%%.*}"
# The pid file alone could match a recycled pid; the command line must also name our config.
KAFKA_PATTERN="kafka.Kafka $KAFKA_PROPS"

ensure_java_and_maven() {
  if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
    return 0
  fi
  [[ $EUID -eq 0 ]] || die "$NAME: java and mvn are required (install a JDK 17 and Maven)"
  log_info "$NAME: installing a JDK and Maven from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless maven >/dev/null
}

libs_complete() {
  [[ -f "$KAFKA_LIBS/.complete" && -f "$KAFKA_LIBS/kafka_2.13-$JIANFU_KAFKA_VERSION.jar" ]]
}

cmd_install() {
  if libs_complete; then
    log_info "$NAME: Kafka $JIANFU_KAFKA_VERSION jars present in $KAFKA_LIBS"
    return 0
  fi
  ensure_java_and_maven
  mkdir -p "$KAFKA_HOME"
  local tmp="$KAFKA_LIBS.tmp.$$"
  local -a profile=()
  # Kafka 3.x logs through log4j 1 (reload4j); 4.x through log4j2 (the pom's default profile).
  if ((KAFKA_MAJOR < 4)); then
    profile=(-P 'log4j1,!log4j2')
  fi
  local install_log="$JIANFU_LOG_DIR/kafka-install.log"
  mkdir -p "$JIANFU_LOG_DIR"
  log_info "$NAME: fetching Kafka $JIANFU_KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS"
  rm -rf "$tmp"
  # Download into a temp folder and rename, so an interrupted install is never mistaken for a good one.
  if ! mvn -q -B -Dstyle.color=never -f "$KAFKA_POM" "${profile[@]}" dependency:copy-dependencies \
    -Dkafka.version="$JIANFU_KAFKA_VERSION" -DincludeScope=runtime -DoutputDirectory="$tmp" >"$install_log" 2>&1; then
    rm -rf "$tmp"
    fail_with_log "$NAME" "$install_log" "mvn could not fetch org.apache.kafka:kafka_2.13:$JIANFU_KAFKA_VERSION and its dependencies"
  fi
  [[ -f "$tmp/kafka_2.13-$JIANFU_KAFKA_VERSION.jar" ]] ||
    die "$NAME: kafka_2.13-$JIANFU_KAFKA_VERSION.jar is missing from $tmp after copy-dependencies"
  touch "$tmp/.complete"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  log_info "$NAME: installed $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars"
}

# JVM options for the broker (-D logging config) or for short-lived tools (quiet, small heap).
logging_opts() {
  local which="$1"
  if ((KAFKA_MAJOR >= 4)); then
    printf '%s\n' "-Dlog4j2.configurationFile=$KAFKA_CONF_DIR/log4j2-$which.properties"
  else
    printf '%s\n' "-Dlog4j.configuration=file:$KAFKA_CONF_DIR/log4j-$which.properties"
  fi
}

kafka_tool() {
  # Short-lived JVMs for admin tasks: small heap, warnings only, bounded in time.
  timeout 60 java -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto "$(logging_opts tools)" \
    -cp "$KAFKA_LIBS/*" "$@"
}

write_logging_config() {
  # The broker logs to stdout, which start redirects to $KAFKA_LOG (rotated at each start).
  cat >"$KAFKA_CONF_DIR/log4j2-server.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.clients.name = org.apache.kafka.clients
logger.clients.level = WARN
EOF
  cat >"$KAFKA_CONF_DIR/log4j2-tools.properties" <<'EOF'
status = error
appender.err.type = Console
appender.err.name = ERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = ERR
EOF
  cat >"$KAFKA_CONF_DIR/log4j-server.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.org.apache.kafka.clients=WARN
EOF
  cat >"$KAFKA_CONF_DIR/log4j-tools.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

write_server_config() {
  {
    echo "# Written by infra/local/kafka.sh at every start; edit the script, not this file."
    echo "node.id=1"
    echo "process.roles=broker,controller"
    echo "controller.quorum.voters=1@127.0.0.1:$JIANFU_KAFKA_CONTROLLER_PORT"
    echo "listeners=PLAINTEXT://127.0.0.1:$JIANFU_KAFKA_PORT,CONTROLLER://127.0.0.1:$JIANFU_KAFKA_CONTROLLER_PORT"
    echo "advertised.listeners=PLAINTEXT://127.0.0.1:$JIANFU_KAFKA_PORT"
    echo "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
    echo "controller.listener.names=CONTROLLER"
    echo "inter.broker.listener.name=PLAINTEXT"
    echo "log.dirs=$JIANFU_KAFKA_DATA"
    echo "# One node: every internal topic must have replication factor 1, or it is never created"
    echo "# (KafkaJS then reports 'group coordinator is not available')."
    echo "default.replication.factor=1"
    echo "min.insync.replicas=1"
    echo "offsets.topic.replication.factor=1"
    echo "transaction.state.log.replication.factor=1"
    echo "transaction.state.log.min.isr=1"
    if ((KAFKA_MAJOR >= 4)); then
      echo "share.coordinator.state.topic.replication.factor=1"
      echo "share.coordinator.state.topic.min.isr=1"
    fi
    echo "# Fewer internal partitions and no rebalance delay keep startup and tests fast."
    echo "offsets.topic.num.partitions=10"
    echo "transaction.state.log.num.partitions=10"
    echo "group.initial.rebalance.delay.ms=0"
    echo "auto.create.topics.enable=true"
    echo "num.partitions=3"
    echo "log.retention.hours=168"
  } >"$KAFKA_PROPS"
  # Admin tools fail fast instead of waiting the default 60 s for a broker that is not up yet.
  printf '%s\n' "request.timeout.ms=5000" "default.api.timeout.ms=10000" >"$KAFKA_TOOLS_PROPS"
}

cluster_id() {
  if [[ ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
    local id
    id="$(kafka_tool kafka.tools.StorageTool random-uuid 2>>"$KAFKA_LOG" | tail -n 1)" ||
      fail_with_log "$NAME" "$KAFKA_LOG" "kafka.tools.StorageTool random-uuid failed"
    [[ -n "$id" ]] || fail_with_log "$NAME" "$KAFKA_LOG" "kafka.tools.StorageTool random-uuid printed nothing"
    printf '%s\n' "$id" >"$KAFKA_CLUSTER_ID_FILE"
  fi
  head -n 1 "$KAFKA_CLUSTER_ID_FILE"
}

format_storage() {
  # Formatting is needed once per data dir; skipping it when done saves a JVM start.
  [[ -f "$JIANFU_KAFKA_DATA/meta.properties" ]] && return 0
  local id
  id="$(cluster_id)"
  log_info "$NAME: formatting $JIANFU_KAFKA_DATA for cluster $id"
  kafka_tool kafka.tools.StorageTool format -t "$id" -c "$KAFKA_PROPS" --ignore-formatted >>"$KAFKA_LOG" 2>&1 ||
    fail_with_log "$NAME" "$KAFKA_LOG" "kafka.tools.StorageTool format failed for $JIANFU_KAFKA_DATA"
}

# A metadata request through the AdminClient (list topics + describe their configs).
# ConfigCommand ships in the kafka_2.13 jar in both 3.9 and 4.x; TopicCommand does not.
metadata_ok() {
  kafka_tool kafka.admin.ConfigCommand --bootstrap-server "127.0.0.1:$JIANFU_KAFKA_PORT" \
    --command-config "$KAFKA_TOOLS_PROPS" --describe --entity-type topics
}

is_running() {
  pid_running "$KAFKA_PIDFILE" "$KAFKA_PATTERN"
}

# A broker already running from this home with other ports is a config mix-up, not "ready".
ensure_running_ports_match() {
  grep -qxF "listeners=PLAINTEXT://127.0.0.1:$JIANFU_KAFKA_PORT,CONTROLLER://127.0.0.1:$JIANFU_KAFKA_CONTROLLER_PORT" "$KAFKA_PROPS" 2>/dev/null ||
    die "$NAME: the broker of $HOME_DIR is already running with $(grep '^listeners=' "$KAFKA_PROPS" 2>/dev/null || echo 'other listeners'), not ports $JIANFU_KAFKA_PORT/$JIANFU_KAFKA_CONTROLLER_PORT; stop it first (log file: $KAFKA_LOG)"
}

cmd_start() {
  local started pid
  started=$(now_ms)
  cmd_install
  mkdir -p "$KAFKA_CONF_DIR" "$JIANFU_KAFKA_DATA" "$JIANFU_LOG_DIR"
  if is_running; then
    ensure_running_ports_match
    log_info "$NAME: already running on 127.0.0.1:$JIANFU_KAFKA_PORT (pid $(<"$KAFKA_PIDFILE"))"
    return 0
  fi
  ensure_port_free "$NAME" "$JIANFU_KAFKA_PORT" "$KAFKA_LOG" JIANFU_KAFKA_PORT
  ensure_port_free "$NAME" "$JIANFU_KAFKA_CONTROLLER_PORT" "$KAFKA_LOG" JIANFU_KAFKA_CONTROLLER_PORT
  rotate_log "$KAFKA_LOG"
  write_logging_config
  write_server_config
  format_storage
  log_info "$NAME: starting Kafka $JIANFU_KAFKA_VERSION on 127.0.0.1:$JIANFU_KAFKA_PORT (controller :$JIANFU_KAFKA_CONTROLLER_PORT, log $KAFKA_LOG)"
  # setsid + nohup: the broker outlives this shell and ignores the terminal's Ctrl-C/hangup.
  # shellcheck disable=SC2086  # JIANFU_KAFKA_HEAP_OPTS is a list of JVM flags
  nohup setsid java $JIANFU_KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "$(logging_opts server)" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_PROPS" >>"$KAFKA_LOG" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$KAFKA_PIDFILE"
  JIANFU_START_CLEANUP=cmd_stop
  wait_for_port "$NAME" 127.0.0.1 "$JIANFU_KAFKA_PORT" "$JIANFU_KAFKA_START_TIMEOUT" "$KAFKA_LOG" "$pid"
  wait_until "$NAME" "$JIANFU_KAFKA_START_TIMEOUT" "$KAFKA_LOG" "$pid" \
    "metadata request to 127.0.0.1:$JIANFU_KAFKA_PORT (kafka.admin.ConfigCommand --describe --entity-type topics)" \
    metadata_ok
  log_info "$NAME: ready in $(elapsed_since "$started") at 127.0.0.1:$JIANFU_KAFKA_PORT (pid $pid)"
}

cmd_stop() {
  stop_pidfile "$NAME" "$KAFKA_PIDFILE" "$KAFKA_PATTERN"
}

cmd_status() {
  if is_running; then
    ensure_running_ports_match
    echo "kafka: running on 127.0.0.1:$JIANFU_KAFKA_PORT (Kafka $JIANFU_KAFKA_VERSION, pid $(<"$KAFKA_PIDFILE"))"
  else
    echo "kafka: stopped (port $JIANFU_KAFKA_PORT)"
    return 1
  fi
}

# Lists user topics (one a line); handy for checks and for proving data survives a restart.
cmd_topics() {
  is_running || die "$NAME: not running (port $JIANFU_KAFKA_PORT)"
  metadata_ok 2>/dev/null | sed -n "s/^Dynamic configs for topic \(.*\) are:$/\1/p" | grep -v '^__' | sort || true
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  topics) cmd_topics ;;
  *)
    echo "usage: $0 install|start|stop|status|topics" >&2
    exit 2
    ;;
esac
