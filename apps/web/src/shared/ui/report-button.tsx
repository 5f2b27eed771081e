import { t } from '@lingui/core/macro';
import { Trans } from '@lingui/react/macro';
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../api/api-error';
import { useReportMutation } from '../queries/story/use-report-mutation';
import { Icon } from './icons';

/** What is reported; each has its own wording, since languages inflect the noun differently. */
export type ReportSubject = 'story' | 'maker' | 'review';

function subjectTexts(subject: ReportSubject): { button: string; form: string; question: string } {
  switch (subject) {
    case 'story':
      return { button: t`Report this story`, form: t`Report this story`, question: t`What is wrong with this story?` };
    case 'maker':
      return { button: t`Report this maker`, form: t`Report this maker`, question: t`What is wrong with this maker?` };
    case 'review':
      return { button: t`Report review`, form: t`Report this review`, question: t`What is wrong with this review?` };
  }
}

/**
 * A report with a reason: a button that opens the form, then a thank-you once it is sent. The
 * caller sends it (stories and makers to the moderation queue, reviews to the admins).
 */
export function ReasonReport({
  subject,
  send,
  state,
}: {
  subject: ReportSubject;
  send: (reason: string) => void;
  state: { isPending: boolean; isSuccess: boolean; isError: boolean; error: unknown };
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const texts = subjectTexts(subject);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) send(reason.trim());
  };

  if (state.isSuccess)
    return (
      <p role="status" className="subtle">
        <Trans>Thanks — the moderators will look at it.</Trans>
      </p>
    );
  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(true)}>
        <Icon name="flag" size={16} /> {texts.button}
      </button>
    );
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label={texts.form}>
      <label htmlFor={`${id}-reason`}>{texts.question}</label>
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
          <Trans>Send report</Trans>
        </button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(false)}>
          <Trans>Cancel</Trans>
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
      subject={targetType === 'story' ? 'story' : 'maker'}
      send={(reason) => report.mutate({ targetType, targetId, reason })}
      state={report}
    />
  );
}
