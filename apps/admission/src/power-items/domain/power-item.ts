/** Where an administrative power item (行政权力事项) of a department stands after the reform. */
export const powerItemStatuses = ['kept', 'cancelled', 'devolved-to-street', 'devolved-to-community'] as const;
export type PowerItemStatus = (typeof powerItemStatuses)[number];

export interface PowerItem {
  code: string;
  name: string;
  status: PowerItemStatus;
  /** The decision that cancelled or devolved it (e.g. 鼓政〔2016〕12号); required unless kept. */
  decisionDocument: string | null;
}
