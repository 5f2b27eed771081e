import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../shared/money';
import { formatDay } from '../../shared/time/format';

/** CSS values, not text. */
const TOOLTIP_BORDER = '1px solid var(--color-border)';
const CURSOR_FILL = 'rgb(255 255 255 / 5%)';

const axis = { stroke: 'var(--color-text-subtle)', fontSize: 12 };
const tooltipStyle = {
  contentStyle: { background: 'var(--color-surface-2)', border: TOOLTIP_BORDER, borderRadius: 8 },
  labelStyle: { color: 'var(--color-text)' },
  itemStyle: { color: 'var(--color-text)' },
};

/** Views → offers → bids. */
export function FunnelChart({ funnel }: { funnel: { views: number; offers: number; bids: number } }) {
  const { t } = useLingui();
  const { views, offers, bids } = funnel;
  const data = [
    { stage: t`Views`, count: views },
    { stage: t`Offers`, count: offers },
    { stage: t`Bids`, count: bids },
  ];
  const label = t`Funnel: ${plural(views, { one: '# view', other: '# views' })}, ${plural(offers, {
    one: '# offer',
    other: '# offers',
  })}, ${plural(bids, { one: '# bid', other: '# bids' })}`;
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid stroke="var(--chart-grid)" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={axis} stroke="var(--chart-grid)" />
          <YAxis type="category" dataKey="stage" tick={axis} width={56} stroke="var(--chart-grid)" />
          <Tooltip {...tooltipStyle} cursor={{ fill: CURSOR_FILL }} />
          <Bar dataKey="count" name={t`Count`} fill="var(--chart-1)" radius={[0, 6, 6, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Revenue per day. */
export function RevenueChart({
  points,
  currency,
}: {
  points: { day: string; amountMinor: number }[];
  currency: string;
}) {
  const { t } = useLingui();
  const total = formatMoney(
    points.reduce((sum, p) => sum + p.amountMinor, 0),
    currency,
  );
  const days = points.length;
  const label = plural(days, {
    one: `Revenue over # day, ${total} in total`,
    other: `Revenue over # days, ${total} in total`,
  });
  return (
    <figure className="chart" aria-label={label}>
      <ResponsiveContainer width="100%" height={220}>
        <AreaChart data={points} margin={{ left: 0, right: 12, top: 8 }}>
          <defs>
            <linearGradient id="revenue-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="var(--chart-1)" stopOpacity={0.5} />
              <stop offset="100%" stopColor="var(--chart-1)" stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
          <XAxis dataKey="day" tickFormatter={formatDay} tick={axis} stroke="var(--chart-grid)" minTickGap={24} />
          <YAxis
            tickFormatter={(v: number) => formatMoney(v, currency)}
            tick={axis}
            width={72}
            stroke="var(--chart-grid)"
          />
          <Tooltip
            {...tooltipStyle}
            labelFormatter={(label) => (typeof label === 'string' ? formatDay(label) : '')}
            formatter={(value) => [formatMoney(Number(value), currency), t`Revenue`]}
          />
          <Area
            type="monotone"
            dataKey="amountMinor"
            stroke="var(--chart-1)"
            strokeWidth={2}
            fill="url(#revenue-fill)"
          />
        </AreaChart>
      </ResponsiveContainer>
    </figure>
  );
}
