import { AdmissionConfig, AdmissionModule, createAdmissionWorker } from '@jianfu/admission';
import { createFinanceWorker, FinanceConfig, FinanceModule } from '@jianfu/finance';
import { createOrganizationWorker, OrganizationConfig, OrganizationModule } from '@jianfu/organization';
import { createPersonnelWorker, PersonnelConfig, PersonnelModule } from '@jianfu/personnel';
import { serviceEntry } from '@jianfu/testing';

/** The four services behind the console's `/api/<name>` paths. */
export const consoleServices = {
  organization: serviceEntry(
    'organization',
    OrganizationConfig,
    (config) => OrganizationModule.forApi(config),
    createOrganizationWorker,
  ),
  admission: serviceEntry(
    'admission',
    AdmissionConfig,
    (config) => AdmissionModule.forApi(config),
    createAdmissionWorker,
  ),
  finance: serviceEntry('finance', FinanceConfig, (config) => FinanceModule.forApi(config), createFinanceWorker),
  personnel: serviceEntry(
    'personnel',
    PersonnelConfig,
    (config) => PersonnelModule.forApi(config),
    createPersonnelWorker,
  ),
};

export type ConsoleServiceName = keyof typeof consoleServices;
