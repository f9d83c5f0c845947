#!/usr/bin/env bash
# The project's entry point on a machine without Docker (see README.md):
#   bash infra/dev.sh up [--demo] [--replicas N]
#                                   install what is missing, start servers, migrate, start all services and workers
#                                   (N API processes and N workers of each of the four services; default 1)
#   bash infra/dev.sh test          install what is missing, lint, type-check, build, run the whole test suite
#   bash infra/dev.sh down | status | token [--role R ...] | logs SERVICE
# Traces go to Jaeger (infra/local/jaeger.sh, built once from the Go module proxy); JIANFU_JAEGER=0 leaves it out.
# Ports: JIANFU_GATEWAY_PORT (3000) for the console's gateway, JIANFU_<SERVICE>_PORT (3001-3005) for the services,
# JIANFU_PG_PORT etc. for the servers (infra/local/lib.sh).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=infra/node.sh
source infra/node.sh
# shellcheck source=infra/local/lib.sh
source infra/local/lib.sh

SERVICES=(organization admission finance personnel identity gateway)
# The services that may run as several replicas side by side (`up --replicas N`). Their API processes bind one port
# with SO_REUSEPORT (HTTP_REUSE_PORT): the kernel spreads new connections over them, so the gateway, scripts and
# curl reach any replica at the one URL, and a dead replica's share goes to the others. Their workers poll one task
# queue, their outbox relays and Kafka consumers (one group) share the work. The gateway and identity run once.
REPLICATED=(organization admission finance personnel)
declare -A SERVICE_PORT=(
  [gateway]="${JIANFU_GATEWAY_PORT:-3000}"
  [organization]="${JIANFU_ORGANIZATION_PORT:-3001}"
  [admission]="${JIANFU_ADMISSION_PORT:-3002}"
  [finance]="${JIANFU_FINANCE_PORT:-3003}"
  [personnel]="${JIANFU_PERSONNEL_PORT:-3004}"
  [identity]="${JIANFU_IDENTITY_PORT:-3005}"
)
# The URL browsers open the console at; the identity service sends them back to its /auth/callback.
GATEWAY_URL="${JIANFU_GATEWAY_PUBLIC_URL:-http://127.0.0.1:${SERVICE_PORT[gateway]}}"
RUN_DIR="$REPO/.local/run"
LOG_DIR="$REPO/.local/logs"
DEV_ENV="$REPO/.local/dev.env"

install_dependencies() {
  # Install only when the lockfile changed since the last install: a second `up` starts in seconds.
  # `npm ci` installs exactly the committed lockfile and never rewrites it, so `up` leaves the tree clean.
  # (The lockfile lists every platform's optional binaries, as npm 11 writes it; npm ci refuses one without.)
  # The patches under patches/ count too: `npm ci` applies them (patch-package, on postinstall).
  local stamp="$REPO/node_modules/.jianfu-lock-stamp"
  if [[ ! -f "$stamp" ]] || ! cat package-lock.json patches/*.patch | cmp -s - "$stamp"; then
    log_info "installing npm dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    cat package-lock.json patches/*.patch >"$stamp"
  fi
}

# Local secrets, generated once per checkout and never committed: the identity service's dev-tools client secret
# (`token` and the demo loaders ask it for tokens) and the gateway's session-encryption secret. Read into this
# shell only and handed to the one process that needs each: no service holds a token-signing secret; the identity
# service generates its own signing keys into its schema.
ensure_dev_env() {
  mkdir -p "$(dirname "$DEV_ENV")"
  touch "$DEV_ENV"
  chmod 600 "$DEV_ENV"
  # A checkout from before the services stopped sharing an HS256 secret: that secret is worthless now.
  sed -i '/^JWT_SECRET=/d' "$DEV_ENV"
  if ! grep -q '^IDENTITY_DEV_TOOLS_CLIENT_SECRET=' "$DEV_ENV"; then
    printf 'IDENTITY_DEV_TOOLS_CLIENT_SECRET=%s\n' "$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')" >>"$DEV_ENV"
  fi
  if ! grep -q '^GATEWAY_SESSION_SECRET=' "$DEV_ENV"; then
    printf 'GATEWAY_SESSION_SECRET=%s\n' "$(node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))')" >>"$DEV_ENV"
  fi
  # shellcheck disable=SC1090
  source "$DEV_ENV"
}

OIDC_ISSUER="${JIANFU_OIDC_ISSUER:-http://127.0.0.1:${SERVICE_PORT[identity]}/oidc}"
# Set by start_jaeger when Jaeger runs: every process then sends its spans there by OTLP over HTTP.
OTLP_ENDPOINT=""

service_env() {
  local service="$1"
  printf '%s\n' \
    "PORT=${SERVICE_PORT[$service]}" \
    "DATABASE_URL=postgres://$JIANFU_PG_USER:$JIANFU_PG_PASSWORD@127.0.0.1:$JIANFU_PG_PORT/$JIANFU_PG_DATABASE" \
    "DATABASE_SCHEMA=$service" \
    "KAFKA_BROKERS=127.0.0.1:$JIANFU_KAFKA_PORT" \
    "TEMPORAL_ADDRESS=127.0.0.1:$JIANFU_TEMPORAL_PORT" \
    "TEMPORAL_NAMESPACE=$JIANFU_TEMPORAL_NAMESPACE" \
    "OIDC_ISSUER=$OIDC_ISSUER"
  if is_replicated "$service"; then printf '%s\n' "HTTP_REUSE_PORT=true"; fi
  if [[ -n "$OTLP_ENDPOINT" ]]; then printf '%s\n' "OTEL_EXPORTER_OTLP_ENDPOINT=$OTLP_ENDPOINT"; fi
  # OIDC_ISSUER: the identity service names its own URL with it; the others accept its tokens by its JWKS.
  case "$service" in
    identity)
      # Tokens for scripts (`token`, the demo loaders) through the dev-tools client; a local checkout only.
      printf '%s\n' "IDENTITY_DEV_TOKENS=enabled" "IDENTITY_DEV_TOOLS_CLIENT_SECRET=$IDENTITY_DEV_TOOLS_CLIENT_SECRET"
      # The gateway signs people in as the console client; its callback joins the Vite dev server's.
      printf '%s\n' "OIDC_CONSOLE_REDIRECT_URIS=$GATEWAY_URL/auth/callback,http://127.0.0.1:5173/callback,http://localhost:5173/callback"
      ;;
    gateway)
      printf '%s\n' \
        "PUBLIC_URL=$GATEWAY_URL" \
        "SESSION_SECRET=$GATEWAY_SESSION_SECRET" \
        "ORGANIZATION_URL=http://127.0.0.1:${SERVICE_PORT[organization]}" \
        "ADMISSION_URL=http://127.0.0.1:${SERVICE_PORT[admission]}" \
        "FINANCE_URL=http://127.0.0.1:${SERVICE_PORT[finance]}" \
        "PERSONNEL_URL=http://127.0.0.1:${SERVICE_PORT[personnel]}" \
        "IDENTITY_URL=http://127.0.0.1:${SERVICE_PORT[identity]}" \
        "CONSOLE_DIST=$REPO/apps/console/dist"
      ;;
  esac
}

is_replicated() {
  local service
  for service in "${REPLICATED[@]}"; do [[ "$service" == "$1" ]] && return 0; done
  return 1
}

# Replica 1 keeps the names of a single process (finance-main.pid, finance-main.log); replica k adds "-k".
process_name() {
  local service="$1" kind="$2" replica="${3:-1}"
  if ((replica == 1)); then printf '%s-%s' "$service" "$kind"; else printf '%s-%s-%s' "$service" "$kind" "$replica"; fi
}

# The replicas this checkout has pid files for (at least 1), so down and status find what an earlier up started.
replicas_started() {
  local service="$1" kind="$2" count=1 file replica
  for file in "$RUN_DIR/$service-$kind"-*.pid; do
    [[ -e "$file" ]] || continue
    replica="${file##*-}"
    replica="${replica%.pid}"
    [[ "$replica" =~ ^[0-9]+$ ]] && ((replica > count)) && count=$replica
  done
  echo "$count"
}

start_process() {
  local service="$1" kind="$2" replica="${3:-1}" entry="apps/$1/dist/$2.js"
  local name pidfile logfile
  name="$(process_name "$service" "$kind" "$replica")"
  pidfile="$RUN_DIR/$name.pid"
  logfile="$LOG_DIR/$name.log"
  if pid_running "$pidfile" "$entry"; then
    log_info "$name: already running (pid $(<"$pidfile"))"
    return 0
  fi
  rotate_log "$logfile"
  # shellcheck disable=SC2046
  env $(service_env "$service") setsid node --enable-source-maps "$entry" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$pidfile"
}

# listening_pid PORT PID: true when that process listens on the port (several do, with SO_REUSEPORT).
listening_pid() {
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -q "pid=$2,"
}

wait_healthy() {
  local service="$1" replica="${2:-1}" port="${SERVICE_PORT[$1]}" name pid
  name="$(process_name "$service" main "$replica")"
  pid="$(<"$RUN_DIR/$name.pid")"
  # The kernel may hand curl to any replica: each one is ready once it listens itself.
  if ((replica > 1)) && command -v ss >/dev/null; then
    wait_until "$name" 120 "$LOG_DIR/$name.log" "$pid" "listens on port $port" listening_pid "$port" "$pid"
  fi
  wait_until "$name" 120 "$LOG_DIR/$name.log" "$pid" "GET /health answers 200" \
    curl -fsS "http://127.0.0.1:$port/health"
}

# Jaeger is a convenience of the dev stack: a machine that cannot build or start it runs without traces.
start_jaeger() {
  [[ "${JIANFU_JAEGER:-1}" == 0 ]] && return 0
  # Built once from the Go module proxy, which takes many minutes on a small machine: the first `up` starts the
  # build in the background and runs without traces rather than keep everything else waiting.
  if ! bash infra/local/jaeger.sh installed; then
    bash infra/local/jaeger.sh install-in-background || log_warn "Jaeger could not be built; the services run without traces"
    return 0
  fi
  if bash infra/local/jaeger.sh start; then
    OTLP_ENDPOINT="$(bash infra/local/jaeger.sh print-otlp-endpoint)"
  else
    log_warn "Jaeger did not start (above); the services run without traces"
  fi
}

cmd_up() {
  local demo=0 replicas=1 replica
  while (($# > 0)); do
    case "$1" in
      --demo) demo=1 ;;
      --replicas)
        replicas="${2:-}"
        shift
        ;;
      *) die "up: unknown option $1 (usage: up [--demo] [--replicas N])" ;;
    esac
    shift
  done
  [[ "$replicas" =~ ^[1-9][0-9]?$ ]] || die "up: --replicas takes a number from 1 to 99"
  install_dependencies
  ensure_dev_env
  bash infra/local/infra.sh start
  start_jaeger
  log_info "building services and workflow bundles"
  npm run --silent build
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  # Each process migrates its own schema at boot under an advisory lock, so order does not matter.
  for service in "${SERVICES[@]}"; do
    local count=1
    is_replicated "$service" && count=$replicas
    for ((replica = 1; replica <= count; replica++)); do
      start_process "$service" main "$replica"
      # A service gets its worker process with its first workflow.
      if [[ -f "apps/$service/dist/worker.js" ]]; then start_process "$service" worker "$replica"; fi
    done
  done
  for service in "${SERVICES[@]}"; do
    local count=1
    is_replicated "$service" && count=$replicas
    for ((replica = 1; replica <= count; replica++)); do wait_healthy "$service" "$replica"; done
  done
  if ((demo)); then
    log_info "loading the demo district"
    node apps/organization/dist/demo/load-demo-district.js "http://127.0.0.1:${SERVICE_PORT[organization]}" \
      "$(token --role organization-admin --user demo-loader)"
    # The catalogue (34 items) beside the reform's 106-item baseline, and the departments' power-item registers (65
    # cancelled). Two reviewers: one proposes each version, the other approves it (publishing needs a second person).
    node apps/admission/dist/demo/load-demo-catalogue.js "http://127.0.0.1:${SERVICE_PORT[admission]}" \
      "$(token --role admission-reviewer --user demo-loader)" "$(token --role admission-reviewer --user demo-approver)"
    log_info "creating the demo district's users (one per role and scope)"
    node apps/identity/dist/demo/load-demo-users.js "http://127.0.0.1:${SERVICE_PORT[identity]}" \
      "http://127.0.0.1:${SERVICE_PORT[organization]}" \
      "$(token --role organization-admin --user demo-loader --hours 1)" "$REPO/.local/demo-users.txt"
    log_info "setting the demo district's budgets once finance knows its departments"
    node apps/finance/dist/demo/load-demo-budgets.js "http://127.0.0.1:${SERVICE_PORT[finance]}" \
      "$(token --role finance-officer --user demo-loader --district 350102)"
  fi
  cmd_status
  cat <<MSG

jianfu is up.
  console       $GATEWAY_URL/   (the gateway: sign-in, /api/<service>/…, /api/workbench, /api/notifications; API: /docs)
  organization  http://127.0.0.1:${SERVICE_PORT[organization]}/docs   (OpenAPI: /docs/openapi.json, health: /health)
  admission     http://127.0.0.1:${SERVICE_PORT[admission]}/docs
  finance       http://127.0.0.1:${SERVICE_PORT[finance]}/docs
  personnel     http://127.0.0.1:${SERVICE_PORT[personnel]}/docs
  identity      http://127.0.0.1:${SERVICE_PORT[identity]}/docs   (OpenID issuer: http://127.0.0.1:${SERVICE_PORT[identity]}/oidc)
  Temporal UI   http://127.0.0.1:$JIANFU_TEMPORAL_UI_PORT
  Jaeger UI     $(if [[ -n "$OTLP_ENDPOINT" ]]; then bash infra/local/jaeger.sh print-ui-url; else echo "(not running: no traces)"; fi)
  a token:      bash infra/dev.sh token --role organization-admin
  sign in:      the demo users of \`up --demo\` (.local/demo-users.txt), at the console or at the issuer
  logs:         $LOG_DIR
MSG
}

cmd_down() {
  local replica name
  for service in "${SERVICES[@]}"; do
    for kind in worker main; do
      for ((replica = $(replicas_started "$service" "$kind"); replica >= 1; replica--)); do
        name="$(process_name "$service" "$kind" "$replica")"
        stop_pidfile "$name" "$RUN_DIR/$name.pid" "apps/$service/dist/$kind.js"
      done
    done
  done
  bash infra/local/jaeger.sh stop
  bash infra/local/infra.sh stop
}

cmd_status() {
  local down=0
  for service in "${SERVICES[@]}"; do
    for kind in main worker; do
      [[ "$kind" == worker && ! -f "apps/$service/dist/worker.js" ]] && continue
      local replica name
      for ((replica = 1; replica <= $(replicas_started "$service" "$kind"); replica++)); do
        name="$(process_name "$service" "$kind" "$replica")"
        if pid_running "$RUN_DIR/$name.pid" "apps/$service/dist/$kind.js"; then
          printf '%-13s %-9s running (pid %s)\n' "$service" "${name#"$service"-}" "$(<"$RUN_DIR/$name.pid")"
        else
          printf '%-13s %-9s stopped\n' "$service" "${name#"$service"-}"
          down=1
        fi
      done
    done
  done
  bash infra/local/infra.sh status || down=1
  [[ "${JIANFU_JAEGER:-1}" == 0 ]] || bash infra/local/jaeger.sh status || true
  return "$down"
}

TOKEN_USAGE='usage: bash infra/dev.sh token [options]
Prints a bearer token for the stated user, issued by the local identity service (it must be up) to its
dev-tools client, whose secret is in .local/dev.env; for local use only.
  --role ROLE         a role (repeatable; an unknown one lists the known roles); default: every role
  --district CODE     the district of the scope (default 350102)
  --street CODE       limit the scope to a street (repeatable)
  --community ID      limit the scope to a community (repeatable)
  --department ID     the department a department user acts for
  --user ID           the user id (default dev-user)
  --name NAME         the display name (default 开发用户)
  --hours N           lifetime in hours (default 8, at most 24)
  -h, --help          this text'

token() {
  local arg
  for arg in "$@"; do
    if [[ "$arg" == -h || "$arg" == --help ]]; then
      printf '%s\n' "$TOKEN_USAGE"
      return 0
    fi
  done
  ensure_dev_env
  # Bad arguments (an unknown option or role, a missing value) get the usage text, never a stack trace.
  TOKEN_USAGE="$TOKEN_USAGE" OIDC_ISSUER="$OIDC_ISSUER" IDENTITY_DEV_TOOLS_CLIENT_SECRET="$IDENTITY_DEV_TOOLS_CLIENT_SECRET" \
    node --input-type=module -e '
    let platform;
    try {
      platform = await import("@jianfu/platform");
    } catch {
      console.error("token: the platform library is not built yet; run `bash infra/dev.sh up` or `npm run build` first");
      process.exit(1);
    }
    let request;
    try {
      request = platform.devTokenRequest(process.argv.slice(1));
    } catch (error) {
      console.error(`token: ${error instanceof Error ? error.message : String(error)}\n\n${process.env.TOKEN_USAGE}`);
      process.exit(2);
    }
    try {
      const client = {
        issuer: process.env.OIDC_ISSUER,
        clientId: "jianfu-dev-tools",
        clientSecret: process.env.IDENTITY_DEV_TOOLS_CLIENT_SECRET,
      };
      console.log((await platform.requestDevToken(client, request.principal, request.lifetimeSeconds)).accessToken);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`token: ${message}${/does not answer/.test(message) ? " (is it up? bash infra/dev.sh up)" : ""}`);
      process.exit(1);
    }
  ' -- "$@"
}

# The static checks CI runs before the tests. Each counts as one test in the totals line, so a lint error,
# a type error or a broken build fails the run however green the tests are.
CHECKS=(lint typecheck build)
CHECKS_PASSED=0
CHECKS_FAILED=0

run_checks() {
  local check log started
  for check in "${CHECKS[@]}"; do
    log=".local/test-run/$check.log"
    started=$SECONDS
    if npm run --silent "$check" >"$log" 2>&1; then
      CHECKS_PASSED=$((CHECKS_PASSED + 1))
      printf 'check %-9s passed in %ss\n' "$check" "$((SECONDS - started))"
    else
      CHECKS_FAILED=$((CHECKS_FAILED + 1))
      printf 'check %-9s FAILED in %ss (npm run %s; full output in %s):\n' "$check" "$((SECONDS - started))" "$check" "$log"
      tail -n 40 "$log" | sed 's/^/    /'
    fi
  done
}

cmd_test() {
  install_dependencies
  # The console's browser tests drive Debian's chromium, with a CJK font for the screenshots.
  bash infra/local/browser.sh install
  mkdir -p .local/test-run
  local results=.local/test-run/results.json status=0
  # The whole suite (no Jest arguments, as CI runs it) starts with the checks; a chosen subset skips them
  # unless JIANFU_CHECKS=1. JIANFU_CHECKS=0 skips them always.
  local checks="${JIANFU_CHECKS:-$(($# == 0))}"
  if [[ "$checks" == 1 ]]; then
    run_checks
    ((CHECKS_FAILED == 0)) || status=1
  fi
  rm -f "$results"
  # The Helm chart's test (apps/e2e/src/deployment/helm-chart.spec.ts) renders and lints with Helm 4, built from
  # the Go module proxy once per machine (infra/helm/install-helm.sh); the whole suite always has it.
  if [[ "$checks" == 1 || -n "${JIANFU_INSTALL_HELM:-}" ]]; then
    JIANFU_HELM="$(bash infra/helm/install-helm.sh)" && export JIANFU_HELM || status=1
  fi
  # The whole suite proves interop with Keycloak too (started by the global setup); a subset only when asked.
  export JIANFU_KEYCLOAK_INTEROP="${JIANFU_KEYCLOAK_INTEROP:-$(($# == 0))}"
  npm test -- --json --outputFile="$results" "$@" || status=$?
  if [[ -s "$results" ]]; then
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const failedSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
      const [checksPassed, checksFailed] = process.argv.slice(2).map(Number);
      console.log(`${r.numPassedTests + checksPassed} passed, ${r.numFailedTests + failedSuites + checksFailed} failed`);
    ' "$results" "$CHECKS_PASSED" "$CHECKS_FAILED"
  else
    echo "$CHECKS_PASSED passed, $((CHECKS_FAILED + 1)) failed"
  fi
  return "$status"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) cmd_down ;;
  status) cmd_status ;;
  test) shift; cmd_test "$@" ;;
  token) shift; token "$@" ;;
  logs) tail -n 200 -f "$LOG_DIR/${2:?service}"-main*.log "$LOG_DIR/${2}"-worker*.log ;;
  *)
    echo "usage: bash infra/dev.sh up [--demo] [--replicas N] | down | status | test [jest args] | token [--role R] | logs SERVICE" >&2
    exit 2
    ;;
esac
