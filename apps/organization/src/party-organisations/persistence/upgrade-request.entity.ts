import type { PartyOrganisationKind } from '@jianfu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { UpgradeRequest, UpgradeRequestStatus } from '../domain/party-organisation.js';

@Entity({ name: 'party_organisation_upgrade_request' })
export class UpgradeRequestEntity implements UpgradeRequest {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'community_id' })
  communityId!: string;

  @Column('text', { name: 'from_kind' })
  fromKind!: PartyOrganisationKind;

  @Column('text', { name: 'to_kind' })
  toKind!: PartyOrganisationKind;

  @Column('int', { name: 'member_count' })
  memberCount!: number;

  @Column('text')
  status!: UpgradeRequestStatus;

  @Column('text', { name: 'requested_by' })
  requestedBy!: string;

  @Column('timestamptz', { name: 'requested_at' })
  requestedAt!: Date;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}
