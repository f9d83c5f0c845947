/** A matter a community may certify (盖章证明事项), with why it may. */
export interface SealMatter {
  code: string;
  name: string;
  basis: string;
}

/** A published version of a district's 盖章证明事项清单. */
export interface SealMatterVersion {
  districtCode: string;
  version: number;
  note: string | null;
  itemCount: number;
  publishedBy: string;
  publishedAt: Date;
}
