import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Story } from '../../shared/api/types';
import { useCreateStoryMutation } from '../../shared/queries/studio/use-create-story-mutation';
import { useStoryQuery } from '../../shared/queries/story/use-story-query';
import { Icon } from '../../shared/ui/icons';
import { ErrorState, Loading } from '../../shared/ui/states';
import { CaptionsStep } from './captions-step';
import { DetailsStep } from './details-step';
import { PreviewStep } from './preview-step';
import { PricingStep } from './pricing-step';
import { SectionsStep } from './sections-step';
import { isStudioStep, STUDIO_STEPS, type StepProps, type StudioStepKey } from './studio-steps';
import { TrimStep } from './trim-step';
import { useStudioDraft, type SaveState } from './use-studio-draft';
import { VideoStep } from './video-step';
import './studio.css';

const SAVE_TEXT: Record<SaveState, string> = {
  saved: 'All changes saved',
  saving: 'Saving…',
  unsaved: 'Saving soon…',
  error: 'Not saved yet — kept on this device, retrying',
};

function Step({ step, ...props }: StepProps & { step: StudioStepKey }) {
  switch (step) {
    case 'video':
      return <VideoStep {...props} />;
    case 'trim':
      return <TrimStep {...props} />;
    case 'captions':
      return <CaptionsStep {...props} />;
    case 'details':
      return <DetailsStep {...props} />;
    case 'sections':
      return <SectionsStep {...props} />;
    case 'pricing':
      return <PricingStep {...props} />;
    case 'preview':
      return <PreviewStep {...props} />;
    default: {
      const exhaustive: never = step;
      return exhaustive;
    }
  }
}

function Studio({ story }: { story: Story }) {
  const [params, setParams] = useSearchParams();
  const studio = useStudioDraft(story);
  const raw = params.get('step');
  const step: StudioStepKey = isStudioStep(raw) ? raw : 'video';
  const index = STUDIO_STEPS.findIndex((s) => s.key === step);
  const heading = useRef<HTMLDivElement>(null);
  const go = (key: StudioStepKey) => {
    setParams({ step: key });
    heading.current?.focus();
  };
  const previous = STUDIO_STEPS[index - 1];
  const next = STUDIO_STEPS[index + 1];

  return (
    <main id="main" className="page studio">
      <div className="page-header">
        <Link to="/studio" className="icon-btn" aria-label="Back to your stories">
          <Icon name="back" />
        </Link>
        <h1>{studio.fields.title || 'Untitled story'}</h1>
      </div>
      <p className="subtle save-state" role="status" aria-live="polite" data-state={studio.saveState}>
        {SAVE_TEXT[studio.saveState]}
      </p>
      <nav aria-label="Studio steps">
        <ol className="studio-steps">
          {STUDIO_STEPS.map((s, i) => (
            <li key={s.key}>
              <button
                type="button"
                className="studio-step"
                aria-current={s.key === step ? 'step' : undefined}
                data-done={i < index || undefined}
                onClick={() => go(s.key)}
              >
                <span className="studio-step-number" aria-hidden="true">
                  {i + 1}
                </span>
                {s.label}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div
        ref={heading}
        tabIndex={-1}
        className="studio-body"
        aria-label={`Step ${index + 1} of ${STUDIO_STEPS.length}`}
      >
        <Step step={step} story={story} studio={studio} />
      </div>
      <div className="row-between studio-nav">
        {previous ? (
          <button type="button" className="btn btn-secondary" onClick={() => go(previous.key)}>
            Back
          </button>
        ) : (
          <span />
        )}
        {next && (
          <button type="button" className="btn btn-primary" onClick={() => go(next.key)}>
            Next: {next.label}
          </button>
        )}
      </div>
    </main>
  );
}

/** Creates a draft, then sends the maker to edit it. */
function NewStory() {
  const navigate = useNavigate();
  const create = useCreateStoryMutation();
  const started = useRef(false);
  const { mutate } = create;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate(
      { title: 'Untitled story' },
      { onSuccess: (story) => void navigate(`/studio/${story.id}?step=video`, { replace: true }) },
    );
  }, [mutate, navigate]);
  return (
    <main id="main" className="page">
      <h1>New story</h1>
      {create.isError ? (
        <ErrorState
          error={create.error}
          title="Could not start a new story"
          onRetry={() => create.mutate({ title: 'Untitled story' })}
        />
      ) : (
        <Loading label="Starting a new story" lines={1} />
      )}
    </main>
  );
}

/** The creator studio: a story's steps from upload to publish, saved as the maker goes. */
export default function StudioScreen() {
  const { storyId } = useParams();
  const isNew = storyId === 'new';
  const story = useStoryQuery(isNew ? undefined : storyId);
  if (isNew) return <NewStory />;
  if (story.isPending) {
    return (
      <main id="main" className="page">
        <Loading label="Opening the studio" />
      </main>
    );
  }
  if (!story.data) {
    return (
      <main id="main" className="page">
        <ErrorState error={story.error} title="This story could not open" onRetry={() => void story.refetch()} />
      </main>
    );
  }
  return <Studio key={story.data.id} story={story.data} />;
}
