import { useId } from 'react';
import { CATEGORY_LABELS, STORY_CATEGORIES } from '@vw/domain';
import type { StoryCategory } from '../../shared/api/types';
import { TextAreaField, TextField } from '../../shared/ui/field';
import type { StepProps } from './studio-steps';

/** Step 4: title, description, category and where the piece was made. */
export function DetailsStep({ studio }: StepProps) {
  const id = useId();
  const { fields, setFields } = studio;
  const titleError = fields.title.trim().length === 0 ? 'Give your piece a title.' : null;
  const location = fields.location ?? { city: '', country: '' };
  return (
    <div className="stack">
      <h2>Details</h2>
      <TextField
        label="Title"
        value={fields.title}
        maxLength={200}
        required
        error={titleError}
        onChange={(e) => setFields({ title: e.target.value })}
      />
      <TextAreaField
        label="Overview"
        hint="What it is, what makes it yours. Shown first on the story page."
        value={fields.description}
        maxLength={10_000}
        onChange={(e) => setFields({ description: e.target.value })}
      />
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <select
          id={`${id}-category`}
          className="select"
          value={fields.category}
          onChange={(e) => setFields({ category: e.target.value as StoryCategory })}
        >
          {STORY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="row studio-location">
        <TextField
          label="City"
          value={location.city}
          maxLength={100}
          onChange={(e) => setFields({ location: { ...location, city: e.target.value } })}
        />
        <TextField
          label="Country code"
          hint="2 letters, e.g. PT"
          value={location.country}
          maxLength={2}
          autoCapitalize="characters"
          onChange={(e) => setFields({ location: { ...location, country: e.target.value.toUpperCase() } })}
        />
      </div>
    </div>
  );
}
