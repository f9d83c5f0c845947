import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AllowRoles, ApiProblems, CurrentPrincipal, type Principal, Roles } from '@jianfu/platform';
import { RotateSigningKeyCommand } from '../commands/rotate-signing-key/rotate-signing-key.command.js';
import { SignInErrors } from '../domain/sign-in.errors.js';

export class SigningKeyRotationResponse {
  @ApiProperty({ description: 'The key id (JWK thumbprint) that signs from now on' })
  signingKid!: string;

  @ApiProperty({ type: [String], description: 'Every key id in the JWKS now: the new key and those retiring' })
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
    summary: 'Sign with a new key from now on; the previous key stays in the JWKS until the tokens it signed expire',
  })
  @ApiOkResponse({ type: SigningKeyRotationResponse })
  rotate(@CurrentPrincipal() actor: Principal) {
    return this.commands.execute(new RotateSigningKeyCommand(actor));
  }
}
