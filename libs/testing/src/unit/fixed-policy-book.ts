import { PolicyBook, type PolicyVersion, type Transaction } from '@jianfu/platform';

/**
 * The policies of a unit test: one document per kind, in force as the version given, whatever the district and
 * date. A handler's rules are tested against thresholds the test states, not the deployment's defaults.
 */
export class FixedPolicyBook extends PolicyBook {
  private readonly versions = new Map<string, PolicyVersion>();

  constructor() {
    super(undefined as never, undefined as never);
  }

  /** Puts `document` in force for `kind` as `version`. */
  set<T extends object>(kind: string, document: T, version = 1): this {
    this.versions.set(kind, {
      districtCode: '*',
      kind,
      version,
      status: 'published',
      document,
      effectiveFrom: '2000-01-01',
      reason: 'unit test',
      proposedBy: 'unit-test',
      proposedAt: new Date(0),
      decidedBy: 'unit-test',
      decidedAt: new Date(0),
      decisionReason: null,
    });
    return this;
  }

  override effective<T extends object>(
    _tx: Transaction,
    districtCode: string,
    kind: string,
    _date: string,
  ): Promise<PolicyVersion<T>> {
    return Promise.resolve(this.in(kind, districtCode));
  }

  override version<T extends object>(
    _tx: Transaction,
    districtCode: string,
    kind: string,
    version: number,
  ): Promise<PolicyVersion<T>> {
    const found = this.in<T>(kind, districtCode);
    if (found.version !== version) throw new Error(`The unit test's ${kind} policy has no version ${version}`);
    return Promise.resolve(found);
  }

  private in<T extends object>(kind: string, districtCode: string): PolicyVersion<T> {
    const found = this.versions.get(kind);
    if (!found) throw new Error(`The unit test put no ${kind} policy in force`);
    return { ...found, districtCode } as PolicyVersion<T>;
  }
}
