import type { Transaction } from '@jianfu/platform';
import { snapshotOf, type TransactionParticipant } from '@jianfu/testing/unit';
import {
  DepartmentsRepository,
  type DepartmentUserView,
  type DepartmentView,
} from '../departments/persistence/departments.repository.js';

/**
 * The district's departments and their users over a Map: a code names one department, and a user acts for one
 * department at most (the unique indexes).
 */
export class InMemoryDepartments extends DepartmentsRepository implements TransactionParticipant {
  readonly state = { departments: new Map<string, DepartmentView>() };

  snapshot(): () => void {
    return snapshotOf(this.state);
  }

  /** Seeds a department. */
  add(id: string, districtCode: string, name = '区民政局', code = id.slice(0, 6)): void {
    this.state.departments.set(id, { id, code, name, districtCode, createdAt: '2026-01-01', users: [] });
  }

  override insert(
    _tx: Transaction,
    department: { id: string; code: string; name: string; districtCode: string },
  ): Promise<boolean> {
    if ([...this.state.departments.values()].some((stored) => stored.code === department.code)) {
      return Promise.resolve(false);
    }
    this.state.departments.set(department.id, { ...department, createdAt: new Date().toISOString(), users: [] });
    return Promise.resolve(true);
  }

  override find(_tx: Transaction, id: string): Promise<DepartmentView | null> {
    const found = this.state.departments.get(id);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  override list(
    _tx: Transaction,
    districtCode: string,
    page: { offset: number; limit: number },
  ): Promise<{ items: DepartmentView[]; total: number }> {
    const all = [...this.state.departments.values()]
      .filter((department) => department.districtCode === districtCode)
      .sort((a, b) => a.code.localeCompare(b.code));
    return Promise.resolve({
      items: structuredClone(all.slice(page.offset, page.offset + page.limit)),
      total: all.length,
    });
  }

  override findByCode(_tx: Transaction, code: string): Promise<DepartmentView | null> {
    const found = [...this.state.departments.values()].find((department) => department.code === code);
    return Promise.resolve(found ? structuredClone(found) : null);
  }

  override assignUser(_tx: Transaction, departmentId: string, user: DepartmentUserView): Promise<boolean> {
    const elsewhere = [...this.state.departments.values()].some(
      (department) =>
        department.id !== departmentId && department.users.some((member) => member.userId === user.userId),
    );
    if (elsewhere) return Promise.resolve(false);
    const department = this.state.departments.get(departmentId)!;
    department.users = [...department.users.filter((member) => member.userId !== user.userId), { ...user }].sort(
      (a, b) => a.userId.localeCompare(b.userId),
    );
    return Promise.resolve(true);
  }

  override removeUser(_tx: Transaction, departmentId: string, userId: string): Promise<boolean> {
    const department = this.state.departments.get(departmentId);
    if (!department?.users.some((member) => member.userId === userId)) return Promise.resolve(false);
    department.users = department.users.filter((member) => member.userId !== userId);
    return Promise.resolve(true);
  }
}
