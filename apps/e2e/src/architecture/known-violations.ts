/**
 * Code that predates the architecture's rules (architecture.spec.ts) and breaks them. The lists only shrink: fixing
 * one fails the spec until its line is struck off here, and anything new that breaks a rule fails it at once.
 */
export const knownViolations = {
  /** Strongly connected groups of contexts (each cycle between two or more of them). */
  contextCycles: [] as string[],
  /** API code reading repositories or their row types, domain code importing persistence, and the like. */
  layerImports: [] as string[],
  /** Files outside persistence/ and migrations/ that import TypeORM or run SQL. */
  sqlOutsidePersistence: [] as string[],
  /** Files outside persistence/, migrations/, testing/ and module wiring that import a TypeORM entity. */
  entityImportsOutsidePersistence: [] as string[],
};
