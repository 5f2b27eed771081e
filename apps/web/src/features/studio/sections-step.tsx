import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState, type KeyboardEvent } from 'react';
import { TextAreaField, TextField } from '../../shared/ui/field';
import { Icon } from '../../shared/ui/icons';
import { moveItem, removeItem } from './studio-draft';
import { GalleryEditor, MediaThumb, MediaUpload, OrderButtons } from './studio-media';
import type { StepProps } from './studio-steps';

/** Step 5: the gallery, the process (ordered steps, each with a photo or video), the materials and the maker's notes. */
export function SectionsStep({ studio }: StepProps) {
  const { t } = useLingui();
  const id = useId();
  const { fields, setFields } = studio;
  const [material, setMaterial] = useState('');
  const steps = fields.processSteps;

  const setStep = (index: number, patch: Partial<(typeof steps)[number]>) =>
    setFields({ processSteps: steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const addMaterial = () => {
    const value = material.trim();
    if (value && !fields.materials.includes(value)) setFields({ materials: [...fields.materials, value] });
    setMaterial('');
  };
  const onMaterialKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      addMaterial();
    }
  };

  return (
    <div className="stack">
      <GalleryEditor gallery={fields.gallery} onChange={(gallery) => setFields({ gallery })} />

      <h2>
        <Trans>Process</Trans>
      </h2>
      <ol className="list">
        {steps.map((step, index) => {
          const number = index + 1;
          return (
            <li key={index} className="card">
              <div className="row-between">
                <strong>
                  <Trans>Step {number}</Trans>
                </strong>
                <OrderButtons
                  labels={{
                    up: t`Move step ${number} up`,
                    down: t`Move step ${number} down`,
                    remove: t`Remove step ${number}`,
                  }}
                  index={index}
                  count={steps.length}
                  onMove={(by) => setFields({ processSteps: moveItem(steps, index, by) })}
                  onRemove={() => setFields({ processSteps: removeItem(steps, index) })}
                />
              </div>
              <TextField
                label={t`Step ${number} title`}
                value={step.title}
                maxLength={200}
                onChange={(e) => setStep(index, { title: e.target.value })}
              />
              <TextAreaField
                label={t`Step ${number} description`}
                value={step.body}
                maxLength={5000}
                onChange={(e) => setStep(index, { body: e.target.value })}
              />
              {step.mediaId ? (
                <div className="row-between">
                  <MediaThumb mediaId={step.mediaId} label={t`Step ${number} photo or video`} />
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    onClick={() => setStep(index, { mediaId: null })}
                  >
                    <Trans>Remove step {number} media</Trans>
                  </button>
                </div>
              ) : (
                <MediaUpload
                  fileLabel={t`Step ${number} photo or video file`}
                  onUploaded={(mediaId) => setStep(index, { mediaId })}
                />
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => setFields({ processSteps: [...steps, { title: '', body: '', mediaId: null }] })}
      >
        <Trans>Add a process step</Trans>
      </button>

      <h2>
        <Trans>Materials</Trans>
      </h2>
      {fields.materials.length > 0 && (
        <ul className="material-list" aria-label={t`Materials`}>
          {fields.materials.map((name) => (
            <li key={name} className="chip">
              {name}
              <button
                type="button"
                className="chip-remove"
                aria-label={t({
                  message: `Remove ${name}`,
                  comment: 'name is a material the maker added, such as Oak',
                })}
                onClick={() => setFields({ materials: fields.materials.filter((x) => x !== name) })}
              >
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-material`}>
            <Trans>Add a material</Trans>
          </label>
          <input
            id={`${id}-material`}
            className="input"
            value={material}
            maxLength={100}
            onChange={(e) => setMaterial(e.target.value)}
            onKeyDown={onMaterialKey}
          />
        </div>
        <button type="button" className="btn btn-secondary align-end" onClick={addMaterial} disabled={!material.trim()}>
          <Trans>Add</Trans>
        </button>
      </div>

      <h2>
        <Trans>Notes</Trans>
      </h2>
      <TextAreaField
        label={t`Care, dimensions, anything else`}
        value={fields.notes}
        maxLength={5000}
        onChange={(e) => setFields({ notes: e.target.value })}
      />
    </div>
  );
}
