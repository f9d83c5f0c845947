import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const exampleItem = {
  code: 'MZ-01',
  name: '最低生活保障对象入户调查',
  category: '民政事务',
  legalBasis: '《社会救助暂行办法》第十一条',
  owningDepartment: '区民政局',
  fundingStandardFen: 300000,
  allowedLedgers: ['低保对象台账'],
  evaluationAllowed: false,
};

export class PublishCatalogueRequest {
  @ApiProperty({
    description: 'Every item of the new version (the whole list, not a change set)',
    example: [exampleItem],
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray()
  items!: object[];

  @ApiPropertyOptional({ example: '2026年度准入清单（34项）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ImportCatalogueRequest {
  @ApiProperty({ enum: ['csv', 'json'], example: 'csv' })
  @IsIn(['csv', 'json'])
  format!: 'csv' | 'json';

  @ApiProperty({
    description: 'The file content: CSV with the export header, or a JSON array of items',
    example:
      'code,name,category,legalBasis,owningDepartment,fundingStandardFen,allowedLedgers,evaluationAllowed\r\n' +
      'MZ-01,最低生活保障对象入户调查,民政事务,《社会救助暂行办法》第十一条,区民政局,300000,低保对象台账,false\r\n',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(200_000)
  content!: string;

  @ApiPropertyOptional({ example: '从区减负办清单导入' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
