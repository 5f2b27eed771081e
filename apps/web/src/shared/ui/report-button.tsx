import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/api-error';
import { useReportMutation } from '../queries/story/use-report-mutation';
import { Icon } from './icons';

const NOUN = { story: 'story', user: 'maker' } as const;

/**
 * A report with a reason: a button that opens the form, then a thank-you once it is sent. The
 * caller sends it (stories and makers to the moderation queue, reviews to the admins).
 */
export function ReasonReport({
  noun,
  buttonLabel = `Report this ${noun}`,
  send,
  state,
}: {
  noun: string;
  buttonLabel?: string;
  send: (reason: string) => void;
  state: { isPending: boolean; isSuccess: boolean; isError: boolean; error: unknown };
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) send(reason.trim());
  };

  if (state.isSuccess)
    return (
      <p role="status" className="subtle">
        Thanks — the moderators will look at it.
      </p>
    );
  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(true)}>
        <Icon name="flag" size={16} /> {buttonLabel}
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
      {state.isError && (
        <p role="alert" className="field-error">
          {messageOf(state.error)}
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn btn-danger btn-small" disabled={state.isPending || !reason.trim()}>
          Send report
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Report a story, or a maker (a user), to the moderators (reason required); shown in the admin's moderation queue. */
export function ReportButton({ targetType, targetId }: { targetType: 'story' | 'user'; targetId: string }) {
  const report = useReportMutation();
  return (
    <ReasonReport
      noun={NOUN[targetType]}
      send={(reason) => report.mutate({ targetType, targetId, reason })}
      state={report}
    />
  );
}
