import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DepartmentUserAssigned, DepartmentUserRemoved } from '@jianfu/contracts';
import { EventConsumer } from '@jianfu/platform';
import { DepartmentMembershipsRepository } from '../persistence/department-memberships.repository.js';

/**
 * Department membership comes from the organization service's department users, by its events: the department a
 * user's tokens name (org_scope.departmentId) is the one organization has them on, from the next token or refresh.
 * Events are keyed by user, so one user's assignments and removals arrive in order.
 */
@Injectable()
export class TakeDepartmentFromOrganization implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly memberships: DepartmentMembershipsRepository,
  ) {}

  onModuleInit(): void {
    this.consumer.on(DepartmentUserAssigned, async (event, tx) => {
      const { userId, departmentId, districtCode, role, assignedAt } = event.payload;
      await this.memberships.assign(tx, { userId, departmentId, districtCode, role, assignedAt: new Date(assignedAt) });
    });
    this.consumer.on(DepartmentUserRemoved, async (event, tx) => {
      await this.memberships.remove(tx, event.payload.userId, event.payload.departmentId);
    });
  }
}
