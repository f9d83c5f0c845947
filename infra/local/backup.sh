#!/usr/bin/env bash
# Backup and restore of jianfu's data, and the restore drill (docs/operations.md: Backup and restore).
#   infra/local/backup.sh dump DIR                 Temporal's store (dev stack), then every service schema
#   infra/local/backup.sh restore DIR DATABASE     the schemas into DATABASE, a new database it creates
#   infra/local/backup.sh drill [--keep] [DATABASE] dump, restore into a fresh database, prove them identical
# The database is the dev stack's unless JIANFU_BACKUP_DATABASE_URL names another (a role that may create
# databases); JIANFU_BACKUP_SCHEMAS (space-separated) replaces the six service schemas. Needs pg_dump, pg_restore and
# psql of the server's major version or newer.
set -euo pipefail

# shellcheck source=infra/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATABASE_URL="${JIANFU_BACKUP_DATABASE_URL:-postgres://$JIANFU_PG_USER:$JIANFU_PG_PASSWORD@127.0.0.1:$JIANFU_PG_PORT/$JIANFU_PG_DATABASE}"
read -r -a SCHEMAS <<<"${JIANFU_BACKUP_SCHEMAS:-organization admission finance personnel identity gateway}"

# database_url NAME: the same server and credentials, another database (a query string such as sslmode is kept).
database_url() {
  local base="${DATABASE_URL%%\?*}"
  printf '%s/%s%s' "${base%/*}" "$1" "${DATABASE_URL#"$base"}"
}

schema_list_sql() {
  local schema list=""
  for schema in "${SCHEMAS[@]}"; do list+="${list:+,}'$schema'"; done
  printf '%s' "$list"
}

# The fingerprint of every table of the schemas: its row count and an md5 over its rows in a fixed order, one line
# each, sorted. Two databases with the same fingerprints hold the same data. (It reads every row: meant for drills,
# not for a province's production database.)
fingerprint_sql() {
  cat <<SQL
SELECT format(
  'SELECT %L || '' '' || count(*) || '' '' || md5(coalesce(string_agg(r::text, E''\\n'' ORDER BY r::text), '''')) FROM %I.%I r',
  n.nspname || '.' || c.relname, n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND n.nspname IN ($(schema_list_sql))
ORDER BY n.nspname, c.relname
SQL
}

# dump_schemas DIR [FINGERPRINTS]: one pg_dump of every schema, so they come from one snapshot (an outbox row and
# the ledger transfer written in its transaction are both in it, or neither). With FINGERPRINTS, the tables'
# fingerprints are taken in that same snapshot, for the drill.
dump_schemas() {
  local dir="$1" fingerprints="${2:-/dev/null}" schema args=()
  for schema in "${SCHEMAS[@]}"; do args+=(--schema="$schema"); done
  rm -f "$dir/jianfu.dump" "$dir/dump-failed"
  # psql holds a repeatable-read transaction and exports its snapshot; pg_dump reads the same one.
  PGOPTIONS='-c statement_timeout=0' psql -X -q -v ON_ERROR_STOP=1 -At "$DATABASE_URL" >/dev/null <<SQL
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT pg_export_snapshot() AS snapshot \gset
\setenv JIANFU_SNAPSHOT :snapshot
\o $fingerprints
$(fingerprint_sql) \gexec
\o
\! pg_dump --snapshot="\$JIANFU_SNAPSHOT" --format=custom --no-owner --no-privileges ${args[*]} --file="$dir/jianfu.dump" "$DATABASE_URL" || touch "$dir/dump-failed"
COMMIT;
SQL
  [[ -s "$dir/jianfu.dump" && ! -e "$dir/dump-failed" ]] || die "backup: pg_dump failed (see above)"
  [[ "$fingerprints" == /dev/null ]] || sort -o "$fingerprints" "$fingerprints"
}

# Temporal's store first, the services' schemas after: a restored workflow is then never ahead of the data its
# activities wrote. One behind re-runs the activities of the gap, which are idempotent (ledger transfer ids, inbox).
dump_temporal() {
  local dir="$1"
  if [[ -f "$JIANFU_TEMPORAL_DB" ]]; then
    sqlite3 "$JIANFU_TEMPORAL_DB" ".backup '$dir/temporal.db'"
    log_info "backup: Temporal's store ($JIANFU_TEMPORAL_DB) -> $dir/temporal.db"
  else
    log_info "backup: no Temporal dev store at $JIANFU_TEMPORAL_DB; back up a Temporal cluster's own database first"
  fi
}

cmd_dump() {
  local dir="${1:?usage: backup.sh dump DIR}"
  mkdir -p "$dir"
  dump_temporal "$dir"
  dump_schemas "$dir"
  printf '%s\n' "${SCHEMAS[@]}" >"$dir/schemas.txt"
  log_info "backup: schemas ${SCHEMAS[*]} -> $dir/jianfu.dump"
}

# restore_schemas DIR DATABASE: into a database that must not exist yet, so a restore never mixes with live data.
restore_schemas() {
  local dir="$1" database="$2"
  [[ "$database" =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "restore: the database name must be a lower-case SQL identifier"
  psql -X -q -v ON_ERROR_STOP=1 "$DATABASE_URL" -c "CREATE DATABASE $database" >/dev/null ||
    die "restore: could not create database $database (it must not exist yet)"
  pg_restore --exit-on-error --no-owner --no-privileges --dbname="$(database_url "$database")" "$dir/jianfu.dump"
}

cmd_restore() {
  local dir="${1:?usage: backup.sh restore DIR DATABASE}" database="${2:?usage: backup.sh restore DIR DATABASE}"
  [[ -s "$dir/jianfu.dump" ]] || die "restore: no $dir/jianfu.dump"
  restore_schemas "$dir" "$database"
  log_info "restore: $dir/jianfu.dump -> database $database"
  if [[ -f "$dir/temporal.db" ]]; then
    # The store runs with SQLite's write-ahead log: a -wal file left beside the copied store would be replayed
    # onto it, so both files go with the old store.
    log_info "restore: Temporal's store is $dir/temporal.db: stop Temporal, remove $JIANFU_TEMPORAL_DB-wal and" \
      "$JIANFU_TEMPORAL_DB-shm, copy it to $JIANFU_TEMPORAL_DB, start it"
  fi
}

cmd_drill() {
  local keep=0 database=""
  while (($# > 0)); do
    case "$1" in
      --keep) keep=1 ;;
      *) database="$1" ;;
    esac
    shift
  done
  database="${database:-jianfu_restore_drill_$(date +%Y%m%d%H%M%S)}"
  local dir
  dir="$(mktemp -d)"
  # shellcheck disable=SC2064  # expand now: the folder is this run's
  trap "rm -rf '$dir'" EXIT
  local started
  started=$(now_ms)
  dump_temporal "$dir"
  dump_schemas "$dir" "$dir/source.txt"
  restore_schemas "$dir" "$database"
  psql -X -q -v ON_ERROR_STOP=1 -At "$(database_url "$database")" -o "$dir/restored.txt" <<SQL
$(fingerprint_sql) \gexec
SQL
  sort -o "$dir/restored.txt" "$dir/restored.txt"
  local tables
  tables=$(wc -l <"$dir/source.txt")
  if ! diff -u "$dir/source.txt" "$dir/restored.txt" >&2; then
    die "drill: the restored database $database differs from the source (above); it is kept for a look"
  fi
  ((tables > 0)) || die "drill: the schemas ${SCHEMAS[*]} hold no table; nothing was proved"
  if ((keep)); then
    log_info "drill: kept database $database"
  else
    psql -X -q "$DATABASE_URL" -c "DROP DATABASE $database" >/dev/null
  fi
  log_info "drill passed in $(elapsed_since "$started"): $tables tables of ${SCHEMAS[*]} restored identical (rows and content)"
  echo "$database"
}

case "${1:-}" in
  dump) shift; cmd_dump "$@" ;;
  restore) shift; cmd_restore "$@" ;;
  drill) shift; cmd_drill "$@" ;;
  *)
    echo "usage: $0 dump DIR | restore DIR DATABASE | drill [--keep] [DATABASE]" >&2
    exit 2
    ;;
esac
