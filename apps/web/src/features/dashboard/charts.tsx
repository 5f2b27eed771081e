import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../shared/money';
import { formatDay } from '../../shared/time/format';

const axis = { stroke: 'var(--color-text-subtle)', fontSize: 12 };
const tooltipStyle = {
  contentStyle: { background: 'var(--color-surface-2)', border: '1px solid var(--color-border)', borderRadius: 8 },
  labelStyle: { color: 'var(--color-text)' },
  itemStyle: { color: 'var(--color-text)' },
};

/** Views → offers → bids. */
export function FunnelChart({ funnel }: { funnel: { views: number; offers: number; bids: number } }) {
  const data = [
    { stage: 'Views', count: funnel.views },
    { stage: 'Offers', count: funnel.offers },
    { stage: 'Bids', count: funnel.bids },
  ];
  return (
    <figure
      className="chart"
      aria-label={`Funnel: ${funnel.views} views, ${funnel.offers} offers, ${funnel.bids} bids`}
    >
      <ResponsiveContainer width="100%" height={200}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid stroke="var(--chart-grid)" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={axis} stroke="var(--chart-grid)" />
          <YAxis type="category" dataKey="stage" tick={axis} width={56} stroke="var(--chart-grid)" />
          <Tooltip {...tooltipStyle} cursor={{ fill: 'rgb(255 255 255 / 5%)' }} />
          <Bar dataKey="count" name="Count" fill="var(--chart-1)" radius={[0, 6, 6, 0]} />
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
  const total = points.reduce((sum, p) => sum + p.amountMinor, 0);
  return (
    <figure
      className="chart"
      aria-label={`Revenue over ${points.length} days, ${formatMoney(total, currency)} in total`}
    >
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
            formatter={(value) => [formatMoney(Number(value), currency), 'Revenue']}
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
