import { ApiProperty } from '@nestjs/swagger';
import { IsBase64, IsString, Length } from 'class-validator';

export class ImportWorkersRequest {
  @ApiProperty({
    description:
      'CSV text, header line first. Columns: employeeNo, name, communityCode, postStep, postSince, titleStep, ' +
      'titleSince, education, partyMember (是/否), hireDate, certificates (optional, separated by ;); or their ' +
      'Chinese names (工号, 姓名, 社区代码, 职务层级, 职务任职日期, 职称层级, 职称取得日期, 学历, 中共党员, 入职日期, 证书)',
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

export class ImportWorkersXlsxRequest {
  @ApiProperty({
    format: 'byte',
    description:
      'The .xlsx workbook, base64. First sheet, header row first, the CSV import’s columns by their Chinese names ' +
      '(工号, 姓名, 社区代码, 职务层级, 职务任职日期, 职称层级, 职称取得日期, 学历, 中共党员, 入职日期, 证书) or the API’s; ' +
      'steps and education by code or Chinese name; dates as date cells or YYYY-MM-DD',
  })
  @IsBase64()
  @Length(1, 350_000)
  file!: string;

  @ApiProperty({ example: '2026年社区工作者信息采集' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}
