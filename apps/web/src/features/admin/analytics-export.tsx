import { useState, type FormEvent } from 'react';
import { useAnalyticsExportMutation } from '../../shared/queries/admin/use-analytics-export-mutation';
import { TextField } from '../../shared/ui/field';
import { FormError } from '../../shared/ui/states';

const DAY_MS = 86_400_000;
/** `YYYY-MM-DD` of a time, in UTC (the export's days are UTC days). */
const utcDay = (time: number) => new Date(time).toISOString().slice(0, 10);
const nextDay = (day: string) => utcDay(Date.parse(`${day}T00:00:00Z`) + DAY_MS);

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

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !through) return setInvalid('Choose both days.');
    if (through < from) return setInvalid('The last day comes on or after the first.');
    setInvalid(null);
    exportEvents.mutate({ from, to: nextDay(through) });
  };

  return (
    <form className="card stack" aria-labelledby="analytics-export-title" onSubmit={submit} noValidate>
      <h2 id="analytics-export-title">Analytics export</h2>
      <p className="muted">
        Every analytics event of the days chosen (UTC), oldest first, one JSON event a line. The export is recorded in
        the audit log.
      </p>
      <div className="row">
        <TextField label="First day" type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} />
        <TextField
          label="Last day"
          type="date"
          value={through}
          max={today}
          onChange={(e) => setThrough(e.target.value)}
          error={invalid}
        />
      </div>
      <button type="submit" className="btn btn-primary" disabled={exportEvents.isPending}>
        {exportEvents.isPending ? 'Preparing the file…' : 'Download NDJSON'}
      </button>
      {exportEvents.isSuccess && (
        <p className="subtle" role="status">
          Downloaded ({(exportEvents.data.bytes / 1024).toFixed(1)} KB).
        </p>
      )}
      <FormError error={exportEvents.error} />
    </form>
  );
}
