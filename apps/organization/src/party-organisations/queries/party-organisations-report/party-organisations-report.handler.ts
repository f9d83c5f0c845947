import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionRunner } from '@jianfu/platform';
import { partyOrganisationKindLabels, partyOrganisationKinds } from '../../domain/party-organisation-kind.js';
import { PartyOrganisationsRepository } from '../../persistence/party-organisations.repository.js';
import { type PartyOrganisationsReport, PartyOrganisationsReportQuery } from './party-organisations-report.query.js';

/** Party organisations by kind (支部, 总支, 党委) over the active communities the reader's scope reaches. */
@QueryHandler(PartyOrganisationsReportQuery)
export class PartyOrganisationsReportHandler implements IQueryHandler<PartyOrganisationsReportQuery> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly organisations: PartyOrganisationsRepository,
  ) {}

  async execute(query: PartyOrganisationsReportQuery): Promise<PartyOrganisationsReport> {
    const { scope } = query.actor;
    const rows = (
      await this.organisations.report(this.transactions.reader, scope.districtCode, query.streetCode)
    ).filter(
      (row) =>
        (!scope.communityIds || scope.communityIds.includes(row.communityId)) &&
        (!scope.streetCodes || scope.streetCodes.includes(row.streetCode)),
    );
    const byKind = Object.fromEntries(
      partyOrganisationKinds.map((kind) => [kind, rows.filter((row) => row.kind === kind).length]),
    ) as PartyOrganisationsReport['totals']['byKind'];
    return {
      totals: {
        communities: rows.length,
        members: rows.reduce((sum, row) => sum + row.memberCount, 0),
        byKind,
        upgradesAwaitingDecision: rows.filter((row) => row.pendingUpgradeRequestId !== null).length,
      },
      communities: rows.map((row) => ({ ...row, kindLabel: partyOrganisationKindLabels[row.kind] })),
    };
  }
}
