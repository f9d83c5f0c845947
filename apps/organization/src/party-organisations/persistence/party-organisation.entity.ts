import type { PartyOrganisationKind } from '@jianfu/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'party_organisation' })
export class PartyOrganisationEntity {
  @PrimaryColumn('uuid', { name: 'community_id' })
  communityId!: string;

  @Column('text')
  kind!: PartyOrganisationKind;

  @Column('int', { name: 'member_count' })
  memberCount!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
