import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/api-error';
import { useReportMutation } from '../queries/story/use-report-mutation';
import { Icon } from './icons';

const NOUN = { story: 'story', user: 'maker' } as const;

/** Report a story, or a maker (a user), to the moderators (reason required); shown in the admin's moderation queue. */
export function ReportButton({ targetType, targetId }: { targetType: 'story' | 'user'; targetId: string }) {
  const noun = NOUN[targetType];
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const report = useReportMutation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    report.mutate({ targetType, targetId, reason: reason.trim() });
  };

  if (report.isSuccess)
    return (
      <p role="status" className="subtle">
        Thanks — the moderators will look at it.
      </p>
    );
  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(true)}>
        <Icon name="flag" size={16} /> Report this {noun}
      </button>
    );
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label={`Report this ${noun}`}>
      <label htmlFor={`${id}-reason`}>What is wrong with this {noun}?</label>
      <textarea
        id={`${id}-reason`}
        className="textarea"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        maxLength={1000}
      />
      {report.isError && (
        <p role="alert" className="field-error">
          {messageOf(report.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn btn-danger btn-small" disabled={report.isPending || !reason.trim()}>
          Send report
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
