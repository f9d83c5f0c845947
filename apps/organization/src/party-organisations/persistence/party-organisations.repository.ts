import { Injectable } from '@nestjs/common';
import type { PartyOrganisationKind } from '@jianfu/contracts';
import type { Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import type { PartyOrganisation, UpgradeRequest, UpgradeRequestStatus } from '../domain/party-organisation.js';
import { PartyOrganisationEntity } from './party-organisation.entity.js';
import { UpgradeRequestEntity } from './upgrade-request.entity.js';

const uniqueViolation = '23505';

export interface PartyOrganisationReportRow {
  communityId: string;
  code: string;
  name: string;
  streetCode: string;
  kind: PartyOrganisationKind;
  memberCount: number;
  secretaryName: string | null;
  pendingUpgradeRequestId: string | null;
  pendingUpgradeToKind: PartyOrganisationKind | null;
}

/** Community party organisations and their upgrade requests. */
@Injectable()
export class PartyOrganisationsRepository {
  async create(
    tx: Transaction,
    organisation: Pick<PartyOrganisation, 'communityId' | 'kind' | 'memberCount'>,
  ): Promise<void> {
    // Plain SQL: it runs in every community's creation, where TypeORM's insert builder cost more than the insert.
    await entityManagerOf(tx).query(
      'INSERT INTO party_organisation (community_id, kind, member_count) VALUES ($1, $2, $3)',
      [organisation.communityId, organisation.kind, organisation.memberCount],
    );
  }

  /** Reads and locks, so concurrent requests and approvals of one organisation run one after another. */
  async findForUpdate(tx: Transaction, communityId: string): Promise<PartyOrganisation | null> {
    return entityManagerOf(tx).findOne(PartyOrganisationEntity, {
      where: { communityId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async setMemberCount(tx: Transaction, communityId: string, memberCount: number): Promise<void> {
    await entityManagerOf(tx).update(PartyOrganisationEntity, { communityId }, { memberCount });
  }

  async setSecretary(
    tx: Transaction,
    communityId: string,
    secretary: { workerId: string; name: string; appointedAt: Date },
  ): Promise<void> {
    await entityManagerOf(tx).update(
      PartyOrganisationEntity,
      { communityId },
      {
        secretaryWorkerId: secretary.workerId,
        secretaryName: secretary.name,
        secretaryAppointedAt: secretary.appointedAt,
      },
    );
  }

  /** Every active community of the district with its party organisation and the upgrade awaiting decision. */
  async report(tx: Transaction, districtCode: string, streetCode?: string): Promise<PartyOrganisationReportRow[]> {
    return queryRows(
      tx,
      `SELECT c.id AS "communityId", c.code, c.name, s.code AS "streetCode", p.kind, p.member_count AS "memberCount",
              p.secretary_name AS "secretaryName", r.id AS "pendingUpgradeRequestId", r.to_kind AS "pendingUpgradeToKind"
       FROM community c
       JOIN street s ON s.id = c.street_id
       JOIN party_organisation p ON p.community_id = c.id
       LEFT JOIN party_organisation_upgrade_request r ON r.community_id = c.id AND r.status = 'awaiting-decision'
       WHERE s.district_code = $1 AND c.status = 'active' AND ($2::text IS NULL OR s.code = $2)
       ORDER BY c.code`,
      [districtCode, streetCode ?? null],
    );
  }

  async find(tx: Transaction, communityId: string): Promise<PartyOrganisation | null> {
    return entityManagerOf(tx).findOne(PartyOrganisationEntity, { where: { communityId } });
  }

  async hasPendingRequest(tx: Transaction, communityId: string): Promise<boolean> {
    return entityManagerOf(tx).exists(UpgradeRequestEntity, { where: { communityId, status: 'awaiting-decision' } });
  }

  async changeKind(tx: Transaction, communityId: string, kind: PartyOrganisationKind): Promise<void> {
    await entityManagerOf(tx).update(PartyOrganisationEntity, { communityId }, { kind });
  }

  /** False when the community already has a request awaiting decision (a partial unique index). */
  async insertRequest(
    tx: Transaction,
    request: Omit<UpgradeRequest, 'decidedBy' | 'decisionReason' | 'decidedAt'>,
  ): Promise<boolean> {
    await entityManagerOf(tx).query('SAVEPOINT request_insert');
    try {
      await entityManagerOf(tx).insert(UpgradeRequestEntity, {
        ...request,
        decidedBy: null,
        decisionReason: null,
        decidedAt: null,
      });
      await entityManagerOf(tx).query('RELEASE SAVEPOINT request_insert');
      return true;
    } catch (error) {
      await entityManagerOf(tx).query('ROLLBACK TO SAVEPOINT request_insert');
      if ((error as { driverError?: { code?: string } }).driverError?.code === uniqueViolation) return false;
      throw error;
    }
  }

  async findRequest(tx: Transaction, requestId: string): Promise<UpgradeRequest | null> {
    return entityManagerOf(tx).findOne(UpgradeRequestEntity, { where: { id: requestId } });
  }

  async findRequestForUpdate(tx: Transaction, requestId: string): Promise<UpgradeRequest | null> {
    return entityManagerOf(tx).findOne(UpgradeRequestEntity, {
      where: { id: requestId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async closeRequest(
    tx: Transaction,
    requestId: string,
    outcome: { status: UpgradeRequestStatus; decidedBy: string | null; reason: string | null },
  ): Promise<void> {
    await entityManagerOf(tx).update(
      UpgradeRequestEntity,
      { id: requestId },
      { status: outcome.status, decidedBy: outcome.decidedBy, decisionReason: outcome.reason, decidedAt: new Date() },
    );
  }
}
