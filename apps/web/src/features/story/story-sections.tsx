import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Story } from '../../shared/api/types';
import { formatTag } from '../../shared/i18n/i18n';
import { countryName } from '../../shared/shipping/countries';
import { StoryMedia, type MediaPlaybackProps } from './story-media';

const SECTIONS = [
  { key: 'overview', label: msg`Overview` },
  { key: 'process', label: msg`Process` },
  { key: 'materials', label: msg`Materials` },
  { key: 'notes', label: msg`Notes` },
  { key: 'location', label: msg`Location` },
] as const;
type SectionKey = (typeof SECTIONS)[number]['key'];

const regionName = (code: string) => {
  try {
    return countryName(code);
  } catch {
    return code;
  }
};

/** A coordinate to three decimals, with the viewer's decimal mark. */
const coordinate = (value: number) =>
  new Intl.NumberFormat(formatTag(), { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(value);

function Section({ story, section, playback }: { story: Story; section: SectionKey; playback: MediaPlaybackProps }) {
  const { t } = useLingui();
  switch (section) {
    case 'overview':
      return story.description ? (
        <p className="prose">{story.description}</p>
      ) : (
        <p className="subtle">
          <Trans>No description.</Trans>
        </p>
      );
    case 'process':
      return story.processSteps.length ? (
        <ol className="process-steps">
          {story.processSteps.map((step, i) => {
            const number = i + 1;
            const title = step.title;
            return (
              <li key={i}>
                <h3>{step.title}</h3>
                {step.body && <p className="prose">{step.body}</p>}
                {step.media && (
                  <div className="step-image">
                    <StoryMedia media={step.media} label={t`Step ${number}: ${title}`} {...playback} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="subtle">
          <Trans>The maker has not described the process yet.</Trans>
        </p>
      );
    case 'materials':
      return story.materials.length ? (
        <ul className="material-list">
          {story.materials.map((m) => (
            <li key={m} className="chip">
              {m}
            </li>
          ))}
        </ul>
      ) : (
        <p className="subtle">
          <Trans>No materials listed.</Trans>
        </p>
      );
    case 'notes':
      return story.notes ? (
        <p className="prose">{story.notes}</p>
      ) : (
        <p className="subtle">
          <Trans>No notes.</Trans>
        </p>
      );
    case 'location': {
      if (!story.location) {
        return (
          <p className="subtle">
            <Trans>No location given.</Trans>
          </p>
        );
      }
      const { city, lat, lng } = story.location;
      const country = regionName(story.location.country);
      const latitude = lat === null ? '' : coordinate(lat);
      const longitude = lng === null ? '' : coordinate(lng);
      return (
        <p>
          <Trans>
            Made in <strong>{city}</strong>, {country}
          </Trans>
          {lat !== null && lng !== null && (
            <>
              {' '}
              <span className="subtle">
                {t({
                  message: `(${latitude}, ${longitude})`,
                  comment: 'Latitude and longitude; where the decimal mark is a comma, separate them with a semicolon',
                })}
              </span>
            </>
          )}
        </p>
      );
    }
    default: {
      const exhaustive: never = section;
      return exhaustive;
    }
  }
}

/** The story's sections as tabs (arrow keys move between them, as the ARIA tabs pattern expects). */
export function StorySections({ story, ...playback }: MediaPlaybackProps & { story: Story }) {
  const id = useId();
  const { t } = useLingui();
  const [selected, setSelected] = useState<SectionKey>('overview');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = SECTIONS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const section = SECTIONS[next];
    if (section) setSelected(section.key);
    tabs.current[next]?.focus();
  };

  return (
    <section className="story-sections" aria-label={t`About this piece`}>
      <div className="tabs" role="tablist" aria-label={t`Story sections`}>
        {SECTIONS.map((s, i) => (
          <button
            key={s.key}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${s.key}`}
            className="tab"
            aria-selected={selected === s.key}
            aria-controls={`${id}-panel`}
            tabIndex={selected === s.key ? 0 : -1}
            onClick={() => setSelected(s.key)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t(s.label)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${selected}`}
        className="tab-panel"
        tabIndex={0}
      >
        <Section story={story} section={selected} playback={{ ...playback, storyId: story.id }} />
      </div>
    </section>
  );
}
