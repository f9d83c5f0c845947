import {
  InMemoryTransactionRunner,
  RecordingEventPublisher,
  RecordingWorkflowStarts,
  testDistrictCode,
} from '@jianfu/testing/unit';
import { InMemoryOrganisationUnitsRepository } from './in-memory-organisation-units.repository.js';
import { InMemoryPartyOrganisationsRepository } from './in-memory-party-organisations.repository.js';

/** A district next to the test district: its units are out of every test principal's scope. */
export const otherDistrictCode = '350103';

/**
 * The fakes organization's handlers are built from, sharing one transaction runner: a refused command leaves the
 * units, party organisations, published events and requested workflow starts as they were.
 */
export function organizationFakes() {
  const units = new InMemoryOrganisationUnitsRepository();
  const partyOrganisations = new InMemoryPartyOrganisationsRepository();
  const events = new RecordingEventPublisher();
  const workflows = new RecordingWorkflowStarts();
  const transactions = new InMemoryTransactionRunner(units, partyOrganisations, events, workflows);
  return { units, partyOrganisations, events, workflows, transactions, districtCode: testDistrictCode };
}

export type OrganizationFakes = ReturnType<typeof organizationFakes>;
