import { type Principal, reachesCommunity } from '@jianfu/platform';

/**
 * Where an account's money sits in the organisation: a community's accounts sit in the community, a
 * department's in its department, the treasury in its district. A resident unit or a worker sits
 * wherever the communities it gave to, or was paid for, are.
 */
export type AccountPlace =
  | { kind: 'community'; communityId: string; streetCode: string; districtCode: string }
  | { kind: 'department'; departmentId: string; districtCode: string }
  | { kind: 'district'; districtCode: string };

/**
 * District-level money (the treasury, departments) is for users of the whole district; a user narrowed
 * to streets or communities reaches only those communities' money, a department user only their department's.
 */
export function reachesPlace(actor: Principal, place: AccountPlace): boolean {
  const { scope } = actor;
  if (place.kind === 'community') return reachesCommunity(actor, place);
  if (scope.districtCode !== place.districtCode || scope.communityIds || scope.streetCodes) return false;
  if (place.kind === 'department') return !scope.departmentId || scope.departmentId === place.departmentId;
  return !scope.departmentId;
}

/** An account with no known place is reached by nobody: unknown is treated like missing. */
export function reachesAnyPlace(actor: Principal, places: readonly AccountPlace[]): boolean {
  return places.some((place) => reachesPlace(actor, place));
}

/** Every account reached (a transfer is seen only by whom all its accounts are); `places` as the directory found them. */
export function reachesEveryAccount(
  actor: Principal,
  accounts: readonly { id: string }[],
  places: ReadonlyMap<string, readonly AccountPlace[]>,
): boolean {
  return accounts.every((account) => reachesAnyPlace(actor, places.get(account.id) ?? []));
}
