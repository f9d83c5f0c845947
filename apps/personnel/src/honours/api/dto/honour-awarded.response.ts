import { ApiProperty } from '@nestjs/swagger';

export class HonourAwardedResponse {
  @ApiProperty({ format: 'uuid' })
  awardId!: string;

  @ApiProperty({ type: 'integer', example: 500000, description: 'The one-off award finance pays, integer fen' })
  amountFen!: number;

  @ApiProperty({
    type: 'integer',
    example: 1,
    description: "The version of the district's honour-awards policy applied",
  })
  policyVersion!: number;
}
