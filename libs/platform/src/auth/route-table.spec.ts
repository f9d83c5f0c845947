import { describe, expect, it } from '@jest/globals';
import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AllowRoles, Public } from './access.decorators.js';
import { Roles } from './principal.js';
import { findRoutesWithoutAccessRules, routeTable } from './route-table.js';

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

describe('routeTable', () => {
  it('lists every route with its full path and the access its method or controller declares', async () => {
    const app = await NestFactory.create(SampleModule, { logger: false });
    try {
      expect(routeTable(app)).toEqual([
        {
          method: 'GET',
          path: '/declared',
          handler: 'DeclaredController.list',
          access: [Roles.DistrictLeader],
        },
        { method: 'GET', path: '/declared/open', handler: 'DeclaredController.open', access: 'public' },
        { method: 'POST', path: '/forgotten', handler: 'ForgottenController.create', access: 'undeclared' },
        { method: 'GET', path: '/class-level', handler: 'ClassLevelController.list', access: [Roles.HrOfficer] },
      ]);
    } finally {
      await app.close();
    }
  });
});
