import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A step of a career track, e.g. 社区书记 on the post track. Ordinal 1 is where everyone starts. */
@Entity({ name: 'career_step' })
export class CareerStepEntity {
  @PrimaryColumn('text', { name: 'track_code' })
  trackCode!: string;

  @PrimaryColumn('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('int')
  ordinal!: number;

  @Column('boolean', { name: 'appoints_secretary' })
  appointsSecretary!: boolean;

  /** A leadership post: reached only after a closed opinion request (进社区双公示). */
  @Column('boolean')
  leadership!: boolean;
}
