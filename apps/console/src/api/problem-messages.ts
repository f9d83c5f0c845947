import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { Problem } from './problem';

type NamePath = (string | number)[];

function namePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** A word from a table whose keys hold dots (error codes), which i18next would read as nesting. */
export function fromTable(t: TFunction, table: string, key: string): string | undefined {
  const entries = t(table, { returnObjects: true }) as unknown;
  if (typeof entries !== 'object' || entries === null) return undefined;
  const value = (entries as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** A problem in the user's language: its code's own words when the console knows them, else the detail. */
export function problemMessage(problem: Problem, t: TFunction): string {
  const known = problem.code ? fromTable(t, 'codes', problem.code) : undefined;
  if (known) return known;
  if (problem.status === 0) return fromTable(t, 'codes', 'network.failed') ?? problem.detail ?? '';
  return problem.detail ?? problem.title ?? t('common.requestFailed');
}

/**
 * Puts the API's field errors beside the form's fields (the form names its fields as the API does) and
 * answers whether any field matched; the messages are the rule's words in the user's language.
 */
export function showFieldErrors(form: FormInstance, problem: Problem, t: TFunction): boolean {
  if (!problem.errors?.length) return false;
  const byField = new Map<string, string[]>();
  for (const error of problem.errors) {
    const rule = (error as { rule?: string }).rule ?? error.code ?? '';
    const message = t(`validation.rules.${rule}`, { defaultValue: '' }) || t('validation.fallback');
    byField.set(error.field, [...(byField.get(error.field) ?? []), message]);
  }
  const registered = new Set(
    form.getFieldsError().map((entry) => JSON.stringify(entry.name.map((part) => String(part)))),
  );
  const fields = [...byField.entries()]
    .map(([field, errors]) => {
      let path = namePath(field);
      // An error on an array item (`communityIds.2`) shows on the array's field.
      while (path.length > 1 && !registered.has(JSON.stringify(path.map(String)))) path = path.slice(0, -1);
      return { name: path, errors: [...new Set(errors)] };
    })
    .filter((entry) => registered.has(JSON.stringify(entry.name.map(String))));
  form.setFields(fields);
  return fields.length > 0;
}
