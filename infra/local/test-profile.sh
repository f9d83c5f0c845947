# shellcheck shell=bash
# TEST profile: source this before infra/local/*.sh (or a test run) so that tests get their own
# servers, data and ports, never touch the dev data, and can run while the dev stack runs.
#   source infra/local/test-profile.sh && infra/local/infra.sh start
# Everything lives in .local/test-infra; delete that folder to reset the test stack.

JIANFU_PROFILE_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

export JIANFU_PROFILE=test
export JIANFU_INFRA_HOME="${JIANFU_TEST_INFRA_HOME:-$JIANFU_PROFILE_REPO/.local/test-infra}"
# Derived paths must follow the new home, not leak in from a dev shell.
unset JIANFU_PG_DATA JIANFU_KAFKA_DATA JIANFU_TEMPORAL_DB

# Each port can be moved with JIANFU_TEST_<NAME>, e.g. to run two checkouts' suites side by side.
export JIANFU_PG_PORT="${JIANFU_TEST_PG_PORT:-55432}"
# Test data is disposable: trade crash safety for speed.
export JIANFU_PG_FSYNC=off
export JIANFU_KAFKA_PORT="${JIANFU_TEST_KAFKA_PORT:-59092}"
export JIANFU_KAFKA_CONTROLLER_PORT="${JIANFU_TEST_KAFKA_CONTROLLER_PORT:-59093}"
export JIANFU_TEMPORAL_PORT="${JIANFU_TEST_TEMPORAL_PORT:-57233}"
export JIANFU_TEMPORAL_UI_PORT="${JIANFU_TEST_TEMPORAL_UI_PORT:-58233}"

# Connection settings for the apps and tests, matching the servers above.
export DATABASE_URL="postgres://${JIANFU_PG_USER:-jianfu}:${JIANFU_PG_PASSWORD:-jianfu}@127.0.0.1:$JIANFU_PG_PORT/${JIANFU_PG_DATABASE:-jianfu}"
export KAFKA_BROKERS="127.0.0.1:$JIANFU_KAFKA_PORT"
export TEMPORAL_ADDRESS="127.0.0.1:$JIANFU_TEMPORAL_PORT"

unset JIANFU_PROFILE_REPO
