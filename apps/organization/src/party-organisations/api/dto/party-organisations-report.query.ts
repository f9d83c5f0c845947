import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

export class PartyOrganisationsReportParams {
  @ApiPropertyOptional({ example: '350102001', description: 'Only the communities of this street; empty for all' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9A-Za-z-]{0,32}$/, { message: 'streetCode must be up to 32 letters, digits or dashes' })
  streetCode?: string;
}
