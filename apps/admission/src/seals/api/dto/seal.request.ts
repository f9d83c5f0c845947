import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class SealMatterRequest {
  @ApiProperty({ example: 'ZM-01', description: 'The matter’s code, unique within the version' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
  code!: string;

  @ApiProperty({ example: '居民居住证明（本社区实际居住）' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '《福建省居住证实施办法》第八条', description: 'Why a community may certify it' })
  @IsString()
  @Length(1, 500)
  basis!: string;
}

export class PublishSealMattersRequest {
  @ApiProperty({ type: [SealMatterRequest], description: 'Every matter of the new version (the whole list)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SealMatterRequest)
  items!: SealMatterRequest[];

  @ApiPropertyOptional({ example: '鼓楼区社区盖章证明事项清单（2026年版）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RequestSealRequest {
  @ApiProperty({ format: 'uuid', description: 'The community asked to stamp' })
  @IsUUID()
  communityId!: string;

  @ApiProperty({ example: 'ZM-01', description: 'The matter to certify, by its code in the list' })
  @IsString()
  @Length(1, 64)
  matterCode!: string;

  @ApiProperty({ example: '张某某（居民）', description: 'For whom the certificate is made' })
  @IsString()
  @Length(1, 200)
  requestedFor!: string;

  @ApiProperty({ example: 'a'.repeat(64), description: 'SHA-256 of the document to stamp, lowercase hex' })
  @Matches(/^[0-9a-f]{64}$/)
  documentSha256!: string;
}
