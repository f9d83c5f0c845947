import type { TestInfrastructure } from './infrastructure.mjs';

export declare const identityEnv: { issuer: string; devToolsClientId: string; devToolsClientSecret: string };
export declare const devToolsClientId: string;
export interface IdentityProcess {
  issuer: string;
  clientId: string;
  clientSecret: string;
  pid: number | undefined;
  stop(): Promise<void>;
}
export declare function startIdentityProcess(
  infra: Pick<TestInfrastructure, 'databaseUrl' | 'kafkaBrokers' | 'temporalAddress'>,
  options?: { logFile?: string },
): Promise<IdentityProcess>;
export declare function exportIdentity(identity: IdentityProcess): void;
