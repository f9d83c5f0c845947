export interface TestInfrastructure {
  databaseUrl: string;
  kafkaBrokers: string;
  temporalAddress: string;
  /** The time-skipping Temporal test server binary, when one is installed. */
  temporalTestServerPath?: string;
  startedBy: 'environment' | 'testcontainers' | 'native';
}
export declare const repoRoot: string;
export declare const infraEnv: {
  databaseUrl: string;
  kafkaBrokers: string;
  temporalAddress: string;
  temporalTestServerPath: string;
};
export declare function infrastructureFromEnvironment(): TestInfrastructure | undefined;
export declare function exportInfrastructure(infra: TestInfrastructure): void;
export declare function readStartedInfrastructure(): TestInfrastructure | undefined;
export declare function nativeTestProfile(): Record<string, string>;
export declare function runInfraScript(args: string[], profile: Record<string, string>): string;
