import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type DirectoryCommunityStatus = 'active' | 'merged';

/** A consuming service's copy of a community, kept from organization events (never read across schemas). */
@Entity({ name: 'directory_community' })
export class DirectoryCommunityEntity {
  @PrimaryColumn('uuid', { name: 'community_id' })
  communityId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'street_code' })
  streetCode!: string;

  @Column('text', { name: 'district_code' })
  districtCode!: string;

  /** The organization event this row last reflects; an older event never overwrites a newer one. */
  @Column('timestamptz', { name: 'as_of' })
  asOf!: Date;

  /** 'merged' once organization merged the community away (撤并); merged rows are kept for history read by id. */
  @Column('text')
  status!: DirectoryCommunityStatus;

  @Column('uuid', { name: 'merged_into_community_id', nullable: true })
  mergedIntoCommunityId!: string | null;

  @Column('timestamptz', { name: 'merged_at', nullable: true })
  mergedAt!: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
