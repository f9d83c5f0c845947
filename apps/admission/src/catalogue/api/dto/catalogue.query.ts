import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class CatalogueExportQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv answers a text/csv download' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
