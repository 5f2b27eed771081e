import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../../shared/api/api-error';
import { useReportMutation } from '../../shared/queries/story/use-report-mutation';
import { Icon } from '../../shared/ui/icons';

/** Report a story to the moderators (reason required). */
export function ReportButton({ storyId }: { storyId: string }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const report = useReportMutation();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return;
    report.mutate({ targetType: 'story', targetId: storyId, reason: reason.trim() });
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
        <Icon name="flag" size={16} /> Report this story
      </button>
    );
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Report this story">
      <label htmlFor={`${id}-reason`}>What is wrong with this story?</label>
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
