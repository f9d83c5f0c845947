/** Integer fen shown as yuan (¥1,234.50). */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function Money({ fen }: { fen: number | null | undefined }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{yuan(fen)}</span>;
}
