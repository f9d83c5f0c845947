import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, TransactionRunner } from '@jianfu/platform';
import { IdempotentRequests } from '../../../idempotency/idempotent-requests.js';
import { Accounts } from '../../../ledger/domain/account.js';
import { assertAmountFen } from '../../../ledger/domain/money.js';
import { simpleTransfer } from '../../../ledger/domain/transfer.js';
import { LedgerRepository } from '../../../ledger/persistence/ledger.repository.js';
import { CommunityAccess } from '../../community-access.js';
import { partyBuildingAllocationId, partyBuildingTopUpId } from '../../domain/party-building-allocation.js';
import {
  AllocatePartyBuildingFundCommand,
  type PartyBuildingFundAllocated,
} from './allocate-party-building-fund.command.js';
import { CommunityFundErrors } from '../../domain/community-funds.errors.js';

/**
 * One allocation per community and year; more money that year is a top-up, its own transfer with a
 * reason. A repeat of a request (same Idempotency-Key, same body) returns its first answer; a second
 * allocation is refused (409) rather than answered with the first.
 */
@CommandHandler(AllocatePartyBuildingFundCommand)
export class AllocatePartyBuildingFundHandler implements ICommandHandler<AllocatePartyBuildingFundCommand> {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: CommunityAccess,
    private readonly ledger: LedgerRepository,
    private readonly idempotent: IdempotentRequests,
  ) {}

  async execute(command: AllocatePartyBuildingFundCommand): Promise<PartyBuildingFundAllocated> {
    assertAmountFen(command.amountFen);
    const { communityId, year, kind, amountFen } = command;
    const reason = command.reason ?? null;
    return this.transactions.run(async (tx) => {
      const community = await this.access.reachable(tx, communityId, command.actor);
      const scope = {
        districtCode: community.districtCode,
        operation: 'party-building-allocation',
        key: command.idempotencyKey,
      };
      return this.idempotent.once(tx, scope, { communityId, year, kind, amountFen, reason }, async () => {
        const allocationId = partyBuildingAllocationId(year, communityId);
        const to = Accounts.communityPartyBuilding(communityId);
        if (kind === 'top-up' && !(await this.ledger.findTransfer(tx, allocationId))) {
          throw DomainError.of(
            CommunityFundErrors['party-building.not-allocated'],
            `Community ${communityId} has no ${year} party-building allocation to top up; allocate it first (kind "allocation")`,
            { field: 'kind' },
          );
        }
        const posted = await this.ledger.postOne(
          tx,
          simpleTransfer({
            id: kind === 'allocation' ? allocationId : partyBuildingTopUpId(year, communityId, randomUUID()),
            purpose: kind === 'allocation' ? 'party-building-allocation' : 'party-building-top-up',
            from: Accounts.districtTreasury(community.districtCode),
            to,
            amountFen,
            reference: communityId,
            ...(reason ? { memo: reason } : {}),
          }),
        );
        if (posted.replayed) {
          const first = posted.transfer.postings.find((p) => p.amountFen > 0)!.amountFen;
          throw DomainError.of(
            CommunityFundErrors['party-building.already-allocated'],
            `Community ${communityId} already received its ${year} party-building allocation (${first} fen, transfer ${allocationId}); ` +
              'one allocation per community and year: send more as a top-up (kind "top-up") with a reason',
            { field: 'kind', transferId: allocationId },
          );
        }
        return {
          transferId: posted.transfer.id,
          replayed: false,
          communityId,
          year,
          kind,
          reason,
          amountFen,
          balanceFen: await this.ledger.balanceOf(tx, to.id),
        };
      });
    });
  }
}
