import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdempotencyKeys } from './idempotency';
import { type Problem, toProblem } from './problem';
import { problemMessage, showFieldErrors } from './problem-messages';

export interface CommandOptions<TVariables, TResult> {
  /** Sends the command; `idempotencyKey` stays the same while the same variables are sent again. */
  run: (variables: TVariables, idempotencyKey: string) => Promise<TResult>;
  /** The form whose fields show the API's field errors. */
  form?: FormInstance;
  success?: string | ((result: TResult) => string);
  invalidate?: QueryKey[];
  onSuccess?: (result: TResult, variables: TVariables) => void;
}

/**
 * A command from a form or a button: one request in flight at a time, an Idempotency-Key per intended command
 * (a double click or a retry applies once), the API's field errors beside the fields and its other refusals
 * in a message, in the user's language.
 */
export function useCommand<TVariables, TResult>(options: CommandOptions<TVariables, TResult>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const keys = useRef(new IdempotencyKeys());
  const [problem, setProblem] = useState<Problem | null>(null);
  // One message per command: its latest outcome replaces the one before, so a refusal corrected and sent again does
  // not stay on screen beside the success.
  const messageKey = `command-${useId()}`;
  const mutation = useMutation<TResult, unknown, TVariables>({
    mutationFn: (variables) => options.run(variables, keys.current.keyFor(variables)),
    onSuccess: async (result, variables) => {
      keys.current.settle();
      setProblem(null);
      const text = typeof options.success === 'function' ? options.success(result) : options.success;
      if (text) void message.open({ key: messageKey, type: 'success', content: text });
      else message.destroy(messageKey);
      await Promise.all((options.invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onSuccess?.(result, variables);
    },
    onError: (error) => {
      const found = toProblem(error);
      setProblem(found);
      const onFields = options.form ? showFieldErrors(options.form, found, t) : false;
      void message.open({
        key: messageKey,
        type: 'error',
        content: onFields ? t('validation.form') : problemMessage(found, t),
      });
    },
  });
  const send = (variables: TVariables) => {
    if (mutation.isPending) return;
    mutation.mutate(variables);
  };
  return { send, pending: mutation.isPending, problem, result: mutation.data };
}
