import { DomainError } from '@jianfu/platform';
import { HierarchyErrors } from './communities.errors.js';

/** The levels of the hierarchy, top down: 区 → 街道 → 社区 → 网格. */
export type UnitKind = 'district' | 'street' | 'community' | 'grid';

const levels: Record<UnitKind, number> = { district: 0, street: 1, community: 2, grid: 3 };

export const unitKindLabels: Record<UnitKind, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
};

export interface UnitRef {
  kind: UnitKind;
  code: string;
}

/** A unit with the chain of units above it, nearest last (district, street, community). */
export interface PlacedUnit extends UnitRef {
  name: string;
  status: 'active' | 'merged';
  ancestors: UnitRef[];
}

/** A unit as stored: placed, with its id, its district and its parent's id. */
export interface StoredUnit extends PlacedUnit {
  id: string;
  districtCode: string;
  /** The uuid of the parent street (of a community) or community (of a grid). */
  parentId: string | null;
}

const same = (a: UnitRef, b: UnitRef) => a.kind === b.kind && a.code === b.code;

/**
 * Where a unit may go: never under itself or anything below it (that would make it its own ancestor),
 * only directly under the level above its own, and only between units that still exist on their own.
 */
export function assertMoveAllowed(unit: PlacedUnit, newParent: PlacedUnit): void {
  if (same(unit, newParent) || newParent.ancestors.some((ancestor) => same(ancestor, unit))) {
    throw DomainError.of(
      HierarchyErrors['hierarchy.cycle'],
      `Moving ${unit.name} (${unit.code}) under ${newParent.name} (${newParent.code}) would make it its own ancestor`,
    );
  }
  for (const end of [unit, newParent]) {
    if (end.status !== 'active') {
      throw DomainError.of(
        HierarchyErrors['hierarchy.unit-merged'],
        `${end.name} (${end.code}) was merged and no longer changes`,
      );
    }
  }
  if (levels[newParent.kind] !== levels[unit.kind] - 1) {
    throw DomainError.of(
      HierarchyErrors['hierarchy.level-mismatch'],
      `A ${unitKindLabels[unit.kind]} goes directly under a ${
        unit.kind === 'district' ? 'nothing' : unitKindLabels[kindAbove(unit.kind)]
      }, not under a ${unitKindLabels[newParent.kind]}`,
    );
  }
  const parent = unit.ancestors.at(-1);
  if (parent && same(parent, newParent)) {
    throw DomainError.of(HierarchyErrors['hierarchy.already-there'], `${unit.name} is already under ${newParent.name}`);
  }
}

function kindAbove(kind: UnitKind): UnitKind {
  return (Object.keys(levels) as UnitKind[]).find((candidate) => levels[candidate] === levels[kind] - 1) ?? kind;
}

/** A merge joins two distinct, still existing communities. */
export function assertMergeAllowed(source: PlacedUnit, survivor: PlacedUnit): void {
  if (source.kind !== 'community' || survivor.kind !== 'community') {
    throw DomainError.of(
      HierarchyErrors['hierarchy.merge-communities-only'],
      'Only a community can be merged into another community',
    );
  }
  if (same(source, survivor)) {
    throw DomainError.of(HierarchyErrors['hierarchy.cycle'], `${source.name} cannot be merged into itself`);
  }
  for (const end of [source, survivor]) {
    if (end.status !== 'active') {
      throw DomainError.of(HierarchyErrors['hierarchy.unit-merged'], `${end.name} (${end.code}) was already merged`);
    }
  }
}
