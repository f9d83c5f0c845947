import { ApiProperty } from '@nestjs/swagger';

export class RosterPartyOrganisationResponse {
  @ApiProperty({ enum: ['branch', 'general-branch', 'committee'] })
  kind!: string;

  @ApiProperty({ example: '党委书记', description: 'The secretary’s post for this kind' })
  secretaryPost!: string;
}

export class RosterSecretaryResponse {
  @ApiProperty()
  workerId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'date-time' })
  appointedAt!: string;
}

export class RosterStepResponse {
  @ApiProperty({ example: 'post' })
  trackCode!: string;

  @ApiProperty({ example: 'community-secretary' })
  stepCode!: string;

  @ApiProperty({ example: '社区书记' })
  stepName!: string;

  @ApiProperty({ format: 'date-time' })
  since!: string;
}

export class RosterWorkerResponse {
  @ApiProperty()
  workerId!: string;

  @ApiProperty({ type: String, nullable: true })
  name!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  hiredAt!: string | null;

  @ApiProperty({ description: 'The worker is the party organisation’s secretary' })
  secretary!: boolean;

  @ApiProperty({ type: [RosterStepResponse] })
  steps!: RosterStepResponse[];
}

export class CommunityRosterResponse {
  @ApiProperty({ format: 'uuid' })
  communityId!: string;

  @ApiProperty()
  code!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: RosterPartyOrganisationResponse, nullable: true })
  partyOrganisation!: RosterPartyOrganisationResponse | null;

  @ApiProperty({ type: RosterSecretaryResponse, nullable: true })
  secretary!: RosterSecretaryResponse | null;

  @ApiProperty({ type: [RosterWorkerResponse] })
  workers!: RosterWorkerResponse[];
}
