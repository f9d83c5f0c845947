import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DepartmentCreated } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { DepartmentDirectoryRepository } from './department-directory.repository.js';

/** Keeps the service's department directory in step with organization's DepartmentCreated events. */
@Injectable()
export class AddDepartmentWhenDepartmentCreated implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly departments: DepartmentDirectoryRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(DepartmentCreated, async (event, tx) => {
      await this.departments.upsert(tx, event.payload, new Date(event.occurredAt));
    });
  }
}
