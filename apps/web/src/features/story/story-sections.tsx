import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Story } from '../../shared/api/types';
import { StoryMedia, type MediaPlaybackProps } from './story-media';

const SECTIONS = [
  { key: 'overview', label: 'Overview' },
  { key: 'process', label: 'Process' },
  { key: 'materials', label: 'Materials' },
  { key: 'notes', label: 'Notes' },
  { key: 'location', label: 'Location' },
] as const;
type SectionKey = (typeof SECTIONS)[number]['key'];

const regionName = (code: string) => {
  try {
    return new Intl.DisplayNames(undefined, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
};

function Section({ story, section, playback }: { story: Story; section: SectionKey; playback: MediaPlaybackProps }) {
  switch (section) {
    case 'overview':
      return story.description ? (
        <p className="prose">{story.description}</p>
      ) : (
        <p className="subtle">No description.</p>
      );
    case 'process':
      return story.processSteps.length ? (
        <ol className="process-steps">
          {story.processSteps.map((step, i) => (
            <li key={i}>
              <h3>{step.title}</h3>
              {step.body && <p className="prose">{step.body}</p>}
              {step.media && (
                <div className="step-image">
                  <StoryMedia media={step.media} label={`Step ${i + 1}: ${step.title}`} {...playback} />
                </div>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="subtle">The maker has not described the process yet.</p>
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
        <p className="subtle">No materials listed.</p>
      );
    case 'notes':
      return story.notes ? <p className="prose">{story.notes}</p> : <p className="subtle">No notes.</p>;
    case 'location':
      return story.location ? (
        <p>
          Made in <strong>{story.location.city}</strong>, {regionName(story.location.country)}
          {story.location.lat !== null && story.location.lng !== null && (
            <>
              {' '}
              <span className="subtle">
                ({story.location.lat.toFixed(3)}, {story.location.lng.toFixed(3)})
              </span>
            </>
          )}
        </p>
      ) : (
        <p className="subtle">No location given.</p>
      );
    default: {
      const exhaustive: never = section;
      return exhaustive;
    }
  }
}

/** The story's sections as tabs (arrow keys move between them, as the ARIA tabs pattern expects). */
export function StorySections({ story, ...playback }: MediaPlaybackProps & { story: Story }) {
  const id = useId();
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
    <section className="story-sections" aria-label="About this piece">
      <div className="tabs" role="tablist" aria-label="Story sections">
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
            {s.label}
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
