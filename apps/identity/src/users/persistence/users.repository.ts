import { Injectable } from '@nestjs/common';
import type { OrganisationScope, Role, Transaction } from '@jianfu/platform';
import { entityManagerOf, queryRows } from '@jianfu/platform/persistence';
import { returningRows } from '../../persistence/returning-rows.js';
import { loginKey, type RoleAssignment, type User, type UserStatus } from '../../users/domain/user.js';

const userColumns = `id, login_name AS "loginName", display_name AS "displayName", phone, status,
  password_hash AS "passwordHash", must_change_password AS "mustChangePassword",
  failed_sign_ins AS "failedSignIns", locked_until AS "lockedUntil", created_at AS "createdAt"`;

interface AssignmentRow {
  id: string;
  userId: string;
  role: Role;
  districtCode: string;
  streetCodes: string[] | null;
  communityIds: string[] | null;
  departmentId: string | null;
  assignedBy: string;
  assignedAt: Date;
}

function toAssignment(row: AssignmentRow): RoleAssignment {
  const scope: OrganisationScope = { districtCode: row.districtCode };
  if (row.streetCodes) scope.streetCodes = row.streetCodes;
  if (row.communityIds) scope.communityIds = row.communityIds;
  if (row.departmentId) scope.departmentId = row.departmentId;
  return {
    id: row.id,
    userId: row.userId,
    role: row.role,
    scope,
    assignedBy: row.assignedBy,
    assignedAt: row.assignedAt,
  };
}

/** Users, their passwords and sign-in counters, and their role assignments. */
@Injectable()
export class UsersRepository {
  /** False when the login name is taken (the unique login key decides, not a prior read). */
  async insert(
    tx: Transaction,
    user: Pick<User, 'id' | 'loginName' | 'displayName' | 'phone' | 'passwordHash' | 'mustChangePassword'>,
  ): Promise<boolean> {
    const rows: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO app_user (id, login_name, login_key, display_name, phone, status, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, 'active', $6, $7) ON CONFLICT (login_key) DO NOTHING RETURNING id`,
      [
        user.id,
        user.loginName.trim(),
        loginKey(user.loginName),
        user.displayName,
        user.phone,
        user.passwordHash,
        user.mustChangePassword,
      ],
    );
    return rows.length === 1;
  }

  async find(tx: Transaction, id: string, options: { lock?: boolean } = {}): Promise<User | null> {
    const rows: User[] = await queryRows(
      tx,
      `SELECT ${userColumns} FROM app_user WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Locks the row: concurrent sign-ins of one user count their failures one after the other. */
  async findByLoginNameForUpdate(tx: Transaction, loginName: string): Promise<User | null> {
    const rows: User[] = await queryRows(tx, `SELECT ${userColumns} FROM app_user WHERE login_key = $1 FOR UPDATE`, [
      loginKey(loginName),
    ]);
    return rows[0] ?? null;
  }

  async list(tx: Transaction, page: { offset: number; limit: number }): Promise<{ items: User[]; total: number }> {
    const counted: { total: number }[] = await queryRows(tx, `SELECT count(*)::int AS total FROM app_user`);
    const items: User[] = await queryRows(
      tx,
      `SELECT ${userColumns} FROM app_user ORDER BY login_key OFFSET $1 LIMIT $2`,
      [page.offset, page.limit],
    );
    return { items, total: counted[0]?.total ?? 0 };
  }

  /** Display names of the given users who hold an active role in the district, ordered by id. */
  async namesInDistrict(
    tx: Transaction,
    ids: string[],
    districtCode: string,
  ): Promise<{ id: string; displayName: string }[]> {
    return queryRows(
      tx,
      `SELECT u.id, u.display_name AS "displayName" FROM app_user u
       WHERE u.id = ANY($1::uuid[])
         AND EXISTS (SELECT 1 FROM role_assignment a
                     WHERE a.user_id = u.id AND a.revoked_at IS NULL AND a.district_code = $2)
       ORDER BY u.id`,
      [ids, districtCode],
    );
  }

  async setStatus(tx: Transaction, id: string, status: UserStatus): Promise<void> {
    await entityManagerOf(tx).query(`UPDATE app_user SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  async recordFailedSignIn(tx: Transaction, id: string, failures: number, lockedUntil: Date | null): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE app_user SET failed_sign_ins = $2, locked_until = $3, updated_at = now() WHERE id = $1`,
      [id, failures, lockedUntil],
    );
  }

  async recordSuccessfulSignIn(tx: Transaction, id: string): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async setPassword(tx: Transaction, id: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await entityManagerOf(tx).query(
      `UPDATE app_user SET password_hash = $2, must_change_password = $3, updated_at = now() WHERE id = $1`,
      [id, passwordHash, mustChangePassword],
    );
  }

  async activeAssignments(tx: Transaction, userId: string): Promise<RoleAssignment[]> {
    const rows: AssignmentRow[] = await queryRows(
      tx,
      `SELECT id, user_id AS "userId", role, district_code AS "districtCode", street_codes AS "streetCodes",
              community_ids AS "communityIds", department_id AS "departmentId", assigned_by AS "assignedBy",
              assigned_at AS "assignedAt"
       FROM role_assignment WHERE user_id = $1 AND revoked_at IS NULL ORDER BY assigned_at, role`,
      [userId],
    );
    return rows.map(toAssignment);
  }

  /** False when the user already holds the role (the partial unique index decides). */
  async insertAssignment(tx: Transaction, assignment: RoleAssignment): Promise<boolean> {
    const rows: unknown[] = await entityManagerOf(tx).query(
      `INSERT INTO role_assignment (id, user_id, role, district_code, street_codes, community_ids, department_id, assigned_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [
        assignment.id,
        assignment.userId,
        assignment.role,
        assignment.scope.districtCode,
        assignment.scope.streetCodes ?? null,
        assignment.scope.communityIds ?? null,
        assignment.scope.departmentId ?? null,
        assignment.assignedBy,
      ],
    );
    return rows.length === 1;
  }

  async revokeAssignment(tx: Transaction, userId: string, assignmentId: string, revokedBy: string): Promise<boolean> {
    const rows = returningRows(
      await entityManagerOf(tx).query(
        `UPDATE role_assignment SET revoked_at = now(), revoked_by = $3
         WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
        [assignmentId, userId, revokedBy],
      ),
    );
    return rows.length === 1;
  }
}
