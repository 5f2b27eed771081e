import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import type { Caption } from '../../shared/queries/studio/use-media-edits-mutation';
import { Icon } from '../../shared/ui/icons';
import { EmptyState } from '../../shared/ui/states';
import { ApplyEditsButton } from './apply-edits-button';
import type { StepProps } from './studio-steps';
import { formatSeconds } from './studio-text';

const toMs = (text: string) => Math.max(0, Math.round(Number(text.replace(',', '.')) * 1000) || 0);

/** Step 3: captions, typed cue by cue (times on the trimmed video). */
export function CaptionsStep({ studio }: StepProps) {
  const { t } = useLingui();
  const id = useId();
  const { fields, edits, setEdits } = studio;
  const [text, setText] = useState('');
  const cues = edits.captions;

  if (!fields.heroMediaId) {
    return (
      <EmptyState title={t`Upload a video first`}>
        <Trans>Captions belong to a video.</Trans>
      </EmptyState>
    );
  }

  const update = (index: number, patch: Partial<Caption>) =>
    setEdits({ captions: cues.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const add = () => {
    const last = cues[cues.length - 1];
    const startMs = last ? last.endMs : 0;
    setEdits({ captions: [...cues, { startMs, endMs: startMs + 3000, text: text.trim() }] });
    setText('');
  };

  return (
    <div className="stack">
      <h2>{t({ message: 'Captions', context: 'studio step' })}</h2>
      <p className="muted">
        <Trans>Viewers can turn captions on in the player. Times are in seconds from the start.</Trans>
      </p>
      {cues.length > 0 && (
        <ol className="list caption-list" aria-label={t({ message: 'Captions', context: 'studio step' })}>
          {cues.map((cue, index) => {
            const number = index + 1;
            return (
              <li key={index} className="card caption-cue">
                <div className="row">
                  <div className="field">
                    <label htmlFor={`${id}-${index}-start`}>
                      <Trans>From (s)</Trans>
                    </label>
                    <input
                      id={`${id}-${index}-start`}
                      className="input"
                      inputMode="decimal"
                      defaultValue={formatSeconds(cue.startMs)}
                      onBlur={(e) => update(index, { startMs: toMs(e.target.value) })}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${index}-end`}>
                      <Trans>To (s)</Trans>
                    </label>
                    <input
                      id={`${id}-${index}-end`}
                      className="input"
                      inputMode="decimal"
                      defaultValue={formatSeconds(cue.endMs)}
                      onBlur={(e) => update(index, { endMs: toMs(e.target.value) })}
                    />
                  </div>
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={t`Remove caption ${number}`}
                    onClick={() => setEdits({ captions: cues.filter((_, i) => i !== index) })}
                  >
                    <Icon name="trash" size={20} />
                  </button>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${index}-text`}>
                    <Trans>Caption {number}</Trans>
                  </label>
                  <input
                    id={`${id}-${index}-text`}
                    className="input"
                    value={cue.text}
                    maxLength={200}
                    onChange={(e) => update(index, { text: e.target.value })}
                  />
                </div>
                {cue.endMs <= cue.startMs && (
                  <p className="field-error">
                    <Trans>The end must come after the start.</Trans>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div className="field">
        <label htmlFor={`${id}-new`}>
          <Trans>New caption</Trans>
        </label>
        <input
          id={`${id}-new`}
          className="input"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="button" className="btn btn-secondary" onClick={add} disabled={!text.trim()}>
        <Trans>Add caption</Trans>
      </button>
      <ApplyEditsButton mediaId={fields.heroMediaId} edits={edits} />
    </div>
  );
}
