import { describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AllowRoles, Public } from './access.decorators.js';
import { Roles } from './principal.js';
import { findRoutesWithoutAccessRules } from './route-access.audit.js';

@Controller('declared')
class DeclaredController {
  @Get()
  @AllowRoles(Roles.DistrictLeader)
  list() {
    return [];
  }

  @Get('open')
  @Public()
  open() {
    return 'ok';
  }
}

@Controller('forgotten')
class ForgottenController {
  @Post()
  create() {
    return 'created';
  }

  helper() {
    return 'not a route';
  }
}

@AllowRoles(Roles.HrOfficer)
@Controller('class-level')
class ClassLevelController {
  @Get()
  list() {
    return [];
  }
}

@Module({ controllers: [DeclaredController, ForgottenController, ClassLevelController] })
class SampleModule {}

describe('findRoutesWithoutAccessRules', () => {
  it('names exactly the routes that declare neither roles nor public access', async () => {
    const app = await NestFactory.create(SampleModule, { logger: false });
    try {
      expect(findRoutesWithoutAccessRules(app)).toEqual(['ForgottenController.create (POST)']);
    } finally {
      await app.close();
    }
  });
});
