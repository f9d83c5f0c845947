/**
 * A version of a versioned register (catalogue, power items, seal matters) as a path names it: `current`, the one
 * in force, or its number. Answers the number; null when `current` is asked while nothing is in force; undefined
 * when the name is neither form, for the route to refuse or treat as not found.
 */
export async function versionNamed(
  name: string,
  currentVersion: () => Promise<number | null>,
): Promise<number | null | undefined> {
  if (name === 'current') return currentVersion();
  return /^\d{1,9}$/.test(name) ? Number(name) : undefined;
}
