import { useId, useState, type KeyboardEvent } from 'react';
import { TextAreaField, TextField } from '../../shared/ui/field';
import { Icon } from '../../shared/ui/icons';
import { moveItem, removeItem } from './studio-draft';
import { GalleryEditor, MediaThumb, MediaUpload, OrderButtons } from './studio-media';
import type { StepProps } from './studio-steps';

/** Step 5: the gallery, the process (ordered steps, each with a photo or video), the materials and the maker's notes. */
export function SectionsStep({ studio }: StepProps) {
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

      <h2>Process</h2>
      <ol className="list">
        {steps.map((step, index) => (
          <li key={index} className="card">
            <div className="row-between">
              <strong>Step {index + 1}</strong>
              <OrderButtons
                name={`step ${index + 1}`}
                index={index}
                count={steps.length}
                onMove={(by) => setFields({ processSteps: moveItem(steps, index, by) })}
                onRemove={() => setFields({ processSteps: removeItem(steps, index) })}
              />
            </div>
            <TextField
              label={`Step ${index + 1} title`}
              value={step.title}
              maxLength={200}
              onChange={(e) => setStep(index, { title: e.target.value })}
            />
            <TextAreaField
              label={`Step ${index + 1} description`}
              value={step.body}
              maxLength={5000}
              onChange={(e) => setStep(index, { body: e.target.value })}
            />
            {step.mediaId ? (
              <div className="row-between">
                <MediaThumb mediaId={step.mediaId} label={`Step ${index + 1} photo or video`} />
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => setStep(index, { mediaId: null })}
                >
                  Remove step {index + 1} media
                </button>
              </div>
            ) : (
              <MediaUpload
                fileLabel={`Step ${index + 1} photo or video file`}
                onUploaded={(mediaId) => setStep(index, { mediaId })}
              />
            )}
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => setFields({ processSteps: [...steps, { title: '', body: '', mediaId: null }] })}
      >
        Add a process step
      </button>

      <h2>Materials</h2>
      {fields.materials.length > 0 && (
        <ul className="material-list" aria-label="Materials">
          {fields.materials.map((m) => (
            <li key={m} className="chip">
              {m}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${m}`}
                onClick={() => setFields({ materials: fields.materials.filter((x) => x !== m) })}
              >
                <Icon name="close" size={14} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-material`}>Add a material</label>
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
          Add
        </button>
      </div>

      <h2>Notes</h2>
      <TextAreaField
        label="Care, dimensions, anything else"
        value={fields.notes}
        maxLength={5000}
        onChange={(e) => setFields({ notes: e.target.value })}
      />
    </div>
  );
}
