import { Module } from '@nestjs/common';
import { PasswordHasher } from '../domain/password-hasher.js';
import { UsersRepository } from './users.repository.js';

@Module({ providers: [UsersRepository, PasswordHasher], exports: [UsersRepository, PasswordHasher] })
export class UsersPersistenceModule {}
