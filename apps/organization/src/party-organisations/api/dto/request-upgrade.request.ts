import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { PartyOrganisationKind } from '@jianfu/contracts';

export class RequestUpgradeRequest {
  @ApiProperty({
    enum: ['general-branch', 'committee'],
    example: 'committee',
    description: '总支 (general-branch) or 党委 (committee)',
  })
  @IsIn(['general-branch', 'committee'])
  toKind!: PartyOrganisationKind;
}
