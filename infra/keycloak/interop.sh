#!/usr/bin/env bash
# The Keycloak interop proof on its own (docs/flows/identity.md, "Another issuer"):
#   bash infra/keycloak/interop.sh
# Runs apps/e2e/test/keycloak-interop.int-spec.ts with Keycloak: the test run's global setup starts it
# (infra/keycloak/keycloak.sh: fetched from Maven Central once, Java 21+, about a minute to start), a realm user signs
# in (direct grant) and calls the organization service, which trusts only Keycloak
# (OIDC_ROLES_CLAIM=realm_access.roles, OIDC_SCOPE_CLAIM=org_scope). The whole suite (`dev.sh test`, CI) runs it too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JIANFU_KEYCLOAK_INTEROP=1 exec bash infra/dev.sh test apps/e2e/test/keycloak-interop.int-spec.ts
