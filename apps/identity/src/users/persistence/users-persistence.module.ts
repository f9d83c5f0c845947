import { Module } from '@nestjs/common';
import { PasswordHasher } from '../domain/password-hasher.js';
import { DepartmentMembershipsRepository } from './department-memberships.repository.js';
import { UsersRepository } from './users.repository.js';

@Module({
  providers: [UsersRepository, DepartmentMembershipsRepository, PasswordHasher],
  exports: [UsersRepository, DepartmentMembershipsRepository, PasswordHasher],
})
export class UsersPersistenceModule {}
