import type { PartyOrganisationKind } from '@jianfu/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PartyOrganisation } from '../domain/party-organisation.js';

@Entity({ name: 'party_organisation' })
export class PartyOrganisationEntity implements PartyOrganisation {
  @PrimaryColumn('uuid', { name: 'community_id' })
  communityId!: string;

  @Column('text')
  kind!: PartyOrganisationKind;

  @Column('int', { name: 'member_count' })
  memberCount!: number;

  @Column('uuid', { name: 'secretary_worker_id', nullable: true })
  secretaryWorkerId!: string | null;

  @Column('text', { name: 'secretary_name', nullable: true })
  secretaryName!: string | null;

  @Column('timestamptz', { name: 'secretary_appointed_at', nullable: true })
  secretaryAppointedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
