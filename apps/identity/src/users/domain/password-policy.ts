/**
 * What a password must be before it is hashed: at least 10 characters with a letter and a digit. Returns the
 * rule broken, or null.
 */
export function passwordWeakness(password: string): string | null {
  if (password.length < 10) return 'at least 10 characters';
  if (password.length > 200) return 'at most 200 characters';
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'a letter and a digit';
  return null;
}
