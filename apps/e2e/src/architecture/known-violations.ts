/**
 * Code that predates the architecture's rules (architecture.spec.ts) and breaks them. The lists only shrink: fixing
 * one fails the spec until its line is struck off here, and anything new that breaks a rule fails it at once.
 */
export const knownViolations = {
  /** Strongly connected groups of contexts (each cycle between two or more of them). */
  contextCycles: [] as string[],
  /** API code reading repositories or their row types, domain code importing persistence, and the like. */
  layerImports: [
    'apps/finance/src/ledger/api/ledger.controller.ts → apps/finance/src/ledger/persistence/account-places.repository.ts',
    'apps/finance/src/ledger/api/ledger.controller.ts → apps/finance/src/ledger/persistence/ledger.repository.ts',
    'apps/finance/src/reports/api/reports.controller.ts → apps/finance/src/community-funds/persistence/co-building-receipts.repository.ts',
    'apps/identity/src/audit/api/dto/audit-entry.dto.ts → apps/identity/src/audit/persistence/audit-log.repository.ts',
    'apps/organization/src/co-building/api/dto/co-building.response.ts → apps/organization/src/co-building/persistence/co-building.repository.ts',
    'apps/organization/src/co-building/api/dto/register-resident-unit.request.ts → apps/organization/src/co-building/persistence/co-building.repository.ts',
    'apps/organization/src/co-building/domain/resident-unit-scope.ts → apps/organization/src/co-building/persistence/co-building.repository.ts',
    'apps/organization/src/communities/domain/unit-scope.ts → apps/organization/src/communities/persistence/organisation-units.repository.ts',
    'apps/organization/src/opinions/domain/opinion-tally.ts → apps/organization/src/opinions/persistence/opinions.repository.ts',
    'apps/organization/src/party-organisations/commands/decide-upgrade/decide-upgrade.command.ts → apps/organization/src/party-organisations/api/dto/decide-upgrade.request.ts',
  ],
  /** Files outside persistence/ and migrations/ that import TypeORM or run SQL. */
  sqlOutsidePersistence: [
    'apps/gateway/src/notifications/notification-feed.ts',
    'apps/personnel/src/communities/community-access.ts',
  ],
};
