import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';

export class CreateJointCommitteeRequest {
  @ApiProperty({
    enum: ['street-joint-working-committee', 'community-joint-committee'],
    example: 'community-joint-committee',
    description: '联合党工委 (of a street) or 大党委/联合党委 (of a community)',
  })
  @IsIn(['street-joint-working-committee', 'community-joint-committee'])
  kind!: 'street-joint-working-committee' | 'community-joint-committee';

  @ApiProperty({ example: '三坊七巷社区大党委' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '350102001001', description: 'The street’s or community’s code' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'unitCode must be 1-32 letters, digits or dashes' })
  unitCode!: string;
}

export class AddCommitteeMemberRequest {
  @ApiProperty({ example: 'RU-FZ-EPB' })
  @IsString()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'residentUnitCode must be 1-32 letters, digits or dashes' })
  residentUnitCode!: string;

  @ApiProperty({ example: '兼职委员' })
  @IsString()
  @Length(1, 100)
  position!: string;
}
