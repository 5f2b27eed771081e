import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { formatTag } from '../../shared/i18n/i18n';
import { useAnalyticsExportMutation } from '../../shared/queries/admin/use-analytics-export-mutation';
import { TextField } from '../../shared/ui/field';
import { FormError } from '../../shared/ui/states';

const DAY_MS = 86_400_000;
/** `YYYY-MM-DD` of a time, in UTC (the export's days are UTC days). */
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);
/** The day after a `YYYY-MM-DD` day (a date-only ISO string is read as UTC midnight). */
const nextDay = (day: string) => utcDay(Date.parse(day) + DAY_MS);
/** A file's size in kilobytes, one decimal, in the viewer's locale ("12.5 kB", "12,5 kB"). */
const kilobytes = (bytes: number) =>
  new Intl.NumberFormat(formatTag(), {
    style: 'unit',
    unit: 'kilobyte',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / 1024);

/**
 * Admin: download the analytics events of a range of days as NDJSON (one event a line), for
 * analysis elsewhere. Both days are included; the server's `to` is the day after the last one.
 */
export function AnalyticsExport() {
  const today = utcDay(Date.now());
  const [from, setFrom] = useState(utcDay(Date.now() - 6 * DAY_MS));
  const [through, setThrough] = useState(today);
  const [invalid, setInvalid] = useState<string | null>(null);
  const exportEvents = useAnalyticsExportMutation();
  const { t } = useLingui();

  const size = exportEvents.isSuccess ? kilobytes(exportEvents.data.bytes) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !through) return setInvalid(t`Choose both days.`);
    if (through < from) return setInvalid(t`The last day comes on or after the first.`);
    setInvalid(null);
    exportEvents.mutate({ from, to: nextDay(through) });
  };

  return (
    <form className="card stack" aria-labelledby="analytics-export-title" onSubmit={submit} noValidate>
      <h2 id="analytics-export-title">
        <Trans>Analytics export</Trans>
      </h2>
      <p className="muted">
        <Trans>
          Every analytics event of the days chosen (UTC), oldest first, one JSON event a line. The export is recorded in
          the audit log.
        </Trans>
      </p>
      <div className="row">
        <TextField
          label={t`First day`}
          type="date"
          value={from}
          max={today}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          label={t`Last day`}
          type="date"
          value={through}
          max={today}
          onChange={(e) => setThrough(e.target.value)}
          error={invalid}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={exportEvents.isPending}>
        {exportEvents.isPending ? t`Preparing the file…` : t`Download NDJSON`}
      </button>
      {size !== null && (
        <p className="subtle" role="status">
          {t`Downloaded (${size}).`}
        </p>
      )}
      <FormError error={exportEvents.error} />
    </form>
  );
}
