import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { TransactionRunner } from '@jianfu/platform';
import type { OidcPayloadRepository } from '../persistence/oidc-payload.repository.js';

/** The provider's storage adapter class, bound to the service's schema (the provider instantiates it per model). */
export function postgresAdapter(
  transactions: TransactionRunner,
  payloads: OidcPayloadRepository,
): new (kind: string) => Adapter {
  return class PostgresAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await payloads.upsert(transactions.reader, this.kind, id, payload, expiresIn);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return await payloads.find(transactions.reader, this.kind, 'id', id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return await payloads.find(transactions.reader, this.kind, 'uid', uid);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return await payloads.find(transactions.reader, this.kind, 'user_code', userCode);
    }

    async consume(id: string): Promise<void> {
      await payloads.consume(transactions.reader, this.kind, id);
    }

    async destroy(id: string): Promise<void> {
      await payloads.destroy(transactions.reader, this.kind, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await payloads.revokeByGrantId(transactions.reader, grantId);
    }
  };
}
