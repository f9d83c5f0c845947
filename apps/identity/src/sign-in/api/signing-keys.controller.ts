import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { RotateSigningKeyCommand } from '../commands/rotate-signing-key/rotate-signing-key.command.js';
import { SignInErrors } from '../domain/sign-in.errors.js';

export class SigningKeyRotationResponse {
  @ApiProperty({ description: 'The new key id (JWK thumbprint), published now' })
  nextKid!: string;

  @ApiProperty({ format: 'date-time', description: 'When the new key starts signing' })
  activatesAt!: string;

  @ApiProperty({ type: [String], description: 'Every key id in the JWKS now, the one signing first' })
  publishedKids!: string[];
}

@ApiTags('签名密钥')
@ApiBearerAuth()
@ApiProblems(SignInErrors)
@Controller('signing-keys')
export class SigningKeysController {
  constructor(private readonly commands: CommandBus) {}

  @Post('rotation')
  @HttpCode(200)
  @AllowRoles(Roles.OrganizationAdmin)
  @ApiOperation({
    summary:
      'Publish a new signing key, which signs after SIGNING_KEY_PUBLISH_AHEAD_SECONDS; the previous key stays ' +
      'in the JWKS until the tokens it signed expire',
  })
  @ApiOkResponse({ type: SigningKeyRotationResponse })
  rotate(@CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new RotateSigningKeyCommand(actor));
  }
}
