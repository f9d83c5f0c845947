#!/usr/bin/env bash
# Keycloak for the interop proof (docs/flows/identity.md, "Another issuer"), natively, like Kafka:
#   JIANFU_KEYCLOAK_PASSWORD=… bash infra/keycloak/keycloak.sh run   # in the foreground, until stopped
# Fetches org.keycloak:keycloak-quarkus-dist (JIANFU_KEYCLOAK_VERSION, 26.5.6) from Maven Central with mvn, once,
# into .local/keycloak/; starts it in dev mode (H2 in its data folder, made anew each run) on JIANFU_KEYCLOAK_PORT
# (18080) with the realm infra/keycloak/realm-jianfu.json, whose users get the password JIANFU_KEYCLOAK_PASSWORD.
# The issuer is then http://127.0.0.1:<port>/realms/jianfu. Keycloak 26 needs Java 21 or newer.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
# shellcheck source=infra/local/lib.sh
source infra/local/lib.sh

VERSION="${JIANFU_KEYCLOAK_VERSION:-26.5.6}"
PORT="${JIANFU_KEYCLOAK_PORT:-18080}"
HOME_KC="$REPO/.local/keycloak"
DIST="$HOME_KC/keycloak-$VERSION"

# The machine's default Java may be 17; a newer JDK may sit beside it.
find_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    version="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [[ "${version%%.*}" -ge 21 ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  die "keycloak: Java 21 or newer is required (e.g. apt-get install openjdk-21-jdk-headless, or a Temurin JDK)"
}

fetch() {
  [[ -x "$DIST/bin/kc.sh" ]] && return 0
  command -v mvn >/dev/null 2>&1 || die "keycloak: mvn is required to fetch it from Maven Central (apt-get install maven)"
  mkdir -p "$HOME_KC"
  log_info "keycloak: fetching org.keycloak:keycloak-quarkus-dist:$VERSION (zip) from Maven Central"
  mvn -q -B -Dstyle.color=never dependency:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" -DoutputDirectory="$HOME_KC"
  (cd "$HOME_KC" && unzip -q -o "keycloak-quarkus-dist-$VERSION.zip" && rm -f "keycloak-quarkus-dist-$VERSION.zip")
}

run() {
  [[ -n "${JIANFU_KEYCLOAK_PASSWORD:-}" ]] || die "keycloak: JIANFU_KEYCLOAK_PASSWORD (the realm users' password) is required"
  JAVA_HOME="$(find_java)"
  export JAVA_HOME
  fetch
  ensure_port_free keycloak "$PORT" "$HOME_KC/keycloak.log" JIANFU_KEYCLOAK_PORT
  rm -rf "$DIST/data"
  mkdir -p "$DIST/data/import"
  sed "s/@INTEROP_PASSWORD@/$JIANFU_KEYCLOAK_PASSWORD/g" infra/keycloak/realm-jianfu.json \
    >"$DIST/data/import/realm-jianfu.json"
  log_info "keycloak: starting $VERSION on port $PORT (Java at $JAVA_HOME)"
  JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" exec "$DIST/bin/kc.sh" start-dev --http-port "$PORT" --import-realm
}

case "${1:-}" in
  run) run ;;
  fetch) fetch ;;
  *)
    echo "usage: JIANFU_KEYCLOAK_PASSWORD=… bash infra/keycloak/keycloak.sh run | fetch" >&2
    exit 2
    ;;
esac
