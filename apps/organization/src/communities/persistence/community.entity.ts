import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StreetEntity } from './street.entity.js';

@Entity({ name: 'community' })
export class CommunityEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  code!: string;

  @Column('text')
  name!: string;

  @Column('uuid', { name: 'street_id' })
  streetId!: string;

  @ManyToOne(() => StreetEntity, { nullable: false })
  @JoinColumn({ name: 'street_id' })
  street?: StreetEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
