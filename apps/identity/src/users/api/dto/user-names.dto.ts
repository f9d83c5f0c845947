import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class UserNamesRequest {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    description: 'The users to name: `?id=…&id=…` (up to 100)',
  })
  // One `id` arrives as a string, several as an array.
  @Transform(({ value }: { value: unknown }): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  id!: string[];
}

export class UserNameResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '张三' })
  displayName!: string;
}

export class UserNamesResponse {
  @ApiProperty({
    type: [UserNameResponse],
    description: "The users asked for who hold a role in the caller's district; anyone else is left out",
  })
  items!: UserNameResponse[];
}
