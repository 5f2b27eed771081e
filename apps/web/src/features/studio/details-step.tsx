import { useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { STORY_CATEGORIES } from '@vw/domain';
import type { StoryCategory } from '../../shared/api/types';
import { TextAreaField, TextField } from '../../shared/ui/field';
import type { StepProps } from './studio-steps';
import { CATEGORY_NAMES } from '../../shared/ui/category-names';

/** Step 4: title, description, category and where the piece was made. */
export function DetailsStep({ studio }: StepProps) {
  const { t } = useLingui();
  const id = useId();
  const { fields, setFields } = studio;
  const titleError = fields.title.trim().length === 0 ? t`Give your piece a title.` : null;
  const location = fields.location ?? { city: '', country: '' };
  return (
    <div className="stack">
      <h2>{t({ message: 'Details', context: 'studio step' })}</h2>
      <TextField
        label={t`Title`}
        value={fields.title}
        maxLength={200}
        required
        error={titleError}
        onChange={(e) => setFields({ title: e.target.value })}
      />
      <TextAreaField
        label={t`Overview`}
        hint={t`What it is, what makes it yours. Shown first on the story page.`}
        value={fields.description}
        maxLength={10_000}
        onChange={(e) => setFields({ description: e.target.value })}
      />
      <div className="field">
        <label htmlFor={`${id}-category`}>{t`Category`}</label>
        <select
          id={`${id}-category`}
          className="select"
          value={fields.category}
          onChange={(e) => setFields({ category: e.target.value as StoryCategory })}
        >
          {STORY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(CATEGORY_NAMES[c])}
            </option>
          ))}
        </select>
      </div>
      <div className="row studio-location">
        <TextField
          label={t`City`}
          value={location.city}
          maxLength={100}
          onChange={(e) => setFields({ location: { ...location, city: e.target.value } })}
        />
        <TextField
          label={t`Country code`}
          hint={t`2 letters, e.g. PT`}
          value={location.country}
          maxLength={2}
          autoCapitalize="characters"
          onChange={(e) => setFields({ location: { ...location, country: e.target.value.toUpperCase() } })}
        />
      </div>
    </div>
  );
}
