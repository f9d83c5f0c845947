import { Logger } from '@nestjs/common';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import { type SearchAttributePair, TypedSearchAttributes } from '@temporalio/common';
import proto from '@temporalio/proto';
import { JianfuSearchAttributes, workflowSearchAttributes } from '@jianfu/contracts/workflows';

const logger = new Logger('SearchAttributes');

/** The part of a connection (client or worker) that administers the namespace's search attributes. */
interface OperatorConnection {
  operatorService: {
    listSearchAttributes(request: {
      namespace: string;
    }): Promise<{ customAttributes?: Record<string, unknown> | null }>;
    addSearchAttributes(request: {
      namespace: string;
      searchAttributes: Record<string, proto.temporal.api.enums.v1.IndexedValueType>;
    }): Promise<unknown>;
  };
}

// Whether this process found (or made) the attributes in the namespace; until then, starts carry none, so a
// namespace nobody registered them in still runs every workflow.
let registered = false;

/**
 * Registers the search attributes in the namespace when missing (once per process; concurrent processes may race,
 * the loser finds them there). A server that refuses (no operator rights in a managed namespace) is logged: the
 * operators register them then (docs/operations.md), and workflows start without them meanwhile.
 */
export async function ensureSearchAttributes(connection: OperatorConnection, namespace: string): Promise<boolean> {
  if (registered) return true;
  const wanted = Object.values(JianfuSearchAttributes).map((key) => key.name);
  try {
    const known = async () =>
      (await connection.operatorService.listSearchAttributes({ namespace })).customAttributes ?? {};
    const before = await known();
    const toAdd = wanted.filter((name) => !(name in before));
    if (toAdd.length > 0) {
      await connection.operatorService
        .addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(
            toAdd.map((name) => [name, proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
          ),
        })
        .catch(async (error: unknown) => {
          // Another process added them first.
          const after = await known();
          if (!toAdd.every((name) => name in after)) throw error;
        });
    }
    registered = true;
  } catch (error) {
    logger.warn({ err: error, namespace }, 'Could not register the workflow search attributes; starting without them');
  }
  return registered;
}

/** Every workflow this client starts carries the search attributes read from its input. */
export function searchAttributesInterceptor(): WorkflowClientInterceptor {
  return {
    async startWithDetails(input, next) {
      if (!registered) return next(input);
      const typed = withAttributes(input.options.typedSearchAttributes, input.workflowType, input.options);
      return next({ ...input, options: { ...input.options, typedSearchAttributes: typed } });
    },
    async signalWithStart(input, next) {
      if (!registered) return next(input);
      const typed = withAttributes(input.options.typedSearchAttributes, input.workflowType, input.options);
      return next({ ...input, options: { ...input.options, typedSearchAttributes: typed } });
    },
  };
}

function withAttributes(
  given: SearchAttributePair[] | TypedSearchAttributes | undefined,
  workflowType: string,
  options: { workflowId: string; args: unknown[] },
): TypedSearchAttributes {
  const derived = workflowSearchAttributes(workflowType, options.workflowId, options.args[0]);
  const explicit = given instanceof TypedSearchAttributes ? given.getAll() : (given ?? []);
  // What a caller sets itself wins over what is read from the input.
  return new TypedSearchAttributes([
    ...derived.filter((pair) => !explicit.some((own) => own.key.name === pair.key.name)),
    ...explicit,
  ]);
}
