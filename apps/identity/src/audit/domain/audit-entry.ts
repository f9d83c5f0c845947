/** What the audit log records: one entry per account change and sign-in attempt. */
export const auditActions = [
  'user.created',
  'user.disabled',
  'user.enabled',
  'user.password-changed',
  'role.assigned',
  'role.revoked',
  'sign-in.succeeded',
  'sign-in.failed',
  'sign-in.locked-out',
  'signing-key.rotated',
  'dev-token.issued',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  id: string;
  occurredAt: Date;
  action: AuditAction;
  actorId: string | null;
  userId: string | null;
  loginName: string | null;
  remoteAddress: string | null;
  detail: Record<string, unknown>;
  /** The district the entry belongs to; null for the platform's own (an unknown login name, a key rotation). */
  districtCode: string | null;
}

/**
 * What a use case appends. Without `districtCode`, an entry naming a user takes that user's district: of their latest
 * assignment, else of the administrator who created them.
 */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'occurredAt' | 'districtCode'> & { districtCode?: string | null };
