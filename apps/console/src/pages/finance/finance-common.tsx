import { unwrap } from '../../api/http';
import { InputNumber, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/** The year a finance page shows, kept in the address (`?year=`) so a reload or a shared link shows the same. */
export function useYear(): [number, (year: number) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  return [
    year,
    (next) =>
      setParams(
        (current) => {
          current.set('year', String(next));
          return current;
        },
        { replace: true },
      ),
  ];
}

export function YearPicker({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <label htmlFor="finance-year">{t('money.year')}</label>
      <InputNumber
        id="finance-year"
        min={2000}
        max={2100}
        value={year}
        onChange={(value) => value && onChange(value)}
        style={{ width: 96 }}
      />
    </Space>
  );
}

/** A page's heading (its one h1), an explanation and what acts on the whole page. */
export function PageHeading({ title, help, extra }: { title: ReactNode; help?: ReactNode; extra?: ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8, marginBottom: 12 }}>
      <div>
        <h1 style={{ fontSize: 20, margin: 0 }}>{title}</h1>
        {help && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {help}
          </Typography.Paragraph>
        )}
      </div>
      {extra && <Space wrap>{extra}</Space>}
    </div>
  );
}

/** Fen as a signed amount: money in green, money out in red. */
export function SignedMoney({ fen }: { fen: number }) {
  const text = `${fen < 0 ? '−' : '+'}¥${(Math.abs(fen) / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return <span style={{ fontVariantNumeric: 'tabular-nums', color: fen < 0 ? '#a8071a' : '#135200' }}>{text}</span>;
}

/**
 * A report's answer as the page reads it: JSON. Its document also lists the CSV and Excel downloads (strings to
 * the typed client), which the page never asks for; downloads are links.
 */
export async function jsonReport<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Exclude<T, string>> {
  return (await unwrap(call)) as Exclude<T, string>;
}
