import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

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

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
