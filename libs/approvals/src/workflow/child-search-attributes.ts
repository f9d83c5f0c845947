import { workflowInfo } from '@temporalio/workflow';
import type { SearchAttributePair } from '@temporalio/common';
import {
  JianfuSearchAttributes,
  type RevisionedWorkflowInput,
  takesPatch,
  workflowSearchAttributes,
} from '@jianfu/contracts/workflows';

/** The patch that gave child workflows their search attributes; parents running from before start children without. */
export const childSearchAttributesPatch = 'approvals-child-search-attributes';

/**
 * The Jianfu* search attributes of a child workflow about to start, read from its input as the platform's client
 * reads them for a top-level start (a child is started by its parent's workflow code, not through that client), so
 * an approval run as a child is found in Temporal's UI by district, department, subject and step like any other.
 * Only a parent that carries them itself passes them on (the namespace knows them then: starting a child with an
 * attribute the namespace lacks would fail the parent's workflow task). Spread into `executeChild`'s options.
 * `parent` is the parent's own input: its revision decides the patch (`takesPatch`).
 */
export function childSearchAttributes(
  workflowType: string,
  workflowId: string,
  input: unknown,
  parent?: RevisionedWorkflowInput,
): { typedSearchAttributes?: SearchAttributePair[] } {
  if (workflowInfo().typedSearchAttributes.get(JianfuSearchAttributes.subjectType) === undefined) return {};
  if (!takesPatch(parent, childSearchAttributesPatch)) return {};
  return { typedSearchAttributes: workflowSearchAttributes(workflowType, workflowId, input) };
}
