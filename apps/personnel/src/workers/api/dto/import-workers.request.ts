import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ImportWorkersRequest {
  @ApiProperty({
    description:
      'CSV text, header line first. Columns: employeeNo, name, communityCode, postStep, postSince, titleStep, ' +
      'titleSince, education, partyMember (是/否), hireDate, certificates (optional, separated by ;)',
    example:
      'employeeNo,name,communityCode,postStep,postSince,titleStep,titleSince,education,partyMember,hireDate\n' +
      'GL-001,林晓梅,350102001001,community-worker,2020-07-01,untitled,2020-07-01,bachelor,是,2020-07-01',
  })
  @IsString()
  @Length(1, 200_000)
  csv!: string;

  @ApiProperty({ example: '2026年社区工作者信息采集' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
