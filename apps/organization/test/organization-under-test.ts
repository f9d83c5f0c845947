import { serviceEnvironment, startServiceUnderTest, type ServiceUnderTest, type TestIsolation } from '@jianfu/testing';
import { OrganizationModule } from '../src/app.module.js';
import { OrganizationConfig } from '../src/config.js';

/** The organization API on the real servers, in the suite's isolation, with any extra environment. */
export function startOrganization(
  isolation: TestIsolation,
  extra: Record<string, string> = {},
): Promise<ServiceUnderTest<OrganizationConfig>> {
  return startServiceUnderTest({
    configClass: OrganizationConfig,
    environment: serviceEnvironment(isolation, 'organization', extra),
    module: (config) => OrganizationModule.forApi(config),
  });
}
