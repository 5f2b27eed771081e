import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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

const SAVE_TEXT: Record<SaveState, MessageDescriptor> = {
  saved: msg`All changes saved`,
  saving: msg`Saving…`,
  unsaved: msg`Saving soon…`,
  error: msg`Not saved yet — kept on this device, retrying`,
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
  const { t } = useLingui();
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
  const stepNumber = index + 1;
  const stepCount = STUDIO_STEPS.length;
  const previous = STUDIO_STEPS[index - 1];
  const next = STUDIO_STEPS[index + 1];
  const nextLabel = next ? t(next.label) : '';

  return (
    <main id="main" className="page studio">
      <div className="page-header">
        <Link to="/studio" className="icon-btn" aria-label={t`Back to your stories`}>
          <Icon name="back" />
        </Link>
        <h1>{studio.fields.title || t`Untitled story`}</h1>
      </div>
      <p className="subtle save-state" role="status" aria-live="polite" data-state={studio.saveState}>
        {t(SAVE_TEXT[studio.saveState])}
      </p>
      <nav aria-label={t`Studio steps`}>
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
                {t(s.label)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div ref={heading} tabIndex={-1} className="studio-body" aria-label={t`Step ${stepNumber} of ${stepCount}`}>
        <Step step={step} story={story} studio={studio} />
      </div>
      <div className="row-between studio-nav">
        {previous ? (
          <button type="button" className="btn btn-secondary" onClick={() => go(previous.key)}>
            <Trans>Back</Trans>
          </button>
        ) : (
          <span />
        )}
        {next && (
          <button type="button" className="btn btn-primary" onClick={() => go(next.key)}>
            {t`Next: ${nextLabel}`}
          </button>
        )}
      </div>
    </main>
  );
}

/** Creates a draft, then sends the maker to edit it. */
function NewStory() {
  const { t } = useLingui();
  const navigate = useNavigate();
  const create = useCreateStoryMutation();
  const started = useRef(false);
  const { mutate } = create;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate(
      { title: t`Untitled story` },
      { onSuccess: (story) => void navigate(`/studio/${story.id}?step=video`, { replace: true }) },
    );
  }, [mutate, navigate, t]);
  return (
    <main id="main" className="page">
      <h1>
        <Trans>New story</Trans>
      </h1>
      {create.isError ? (
        <ErrorState
          error={create.error}
          title={t`Could not start a new story`}
          onRetry={() => create.mutate({ title: t`Untitled story` })}
        />
      ) : (
        <Loading label={t`Starting a new story`} lines={1} />
      )}
    </main>
  );
}

/** The creator studio: a story's steps from upload to publish, saved as the maker goes. */
export default function StudioScreen() {
  const { t } = useLingui();
  const { storyId } = useParams();
  const isNew = storyId === 'new';
  const story = useStoryQuery(isNew ? undefined : storyId);
  if (isNew) return <NewStory />;
  if (story.isPending) {
    return (
      <main id="main" className="page">
        <Loading label={t`Opening the studio`} />
      </main>
    );
  }
  if (!story.data) {
    return (
      <main id="main" className="page">
        <ErrorState error={story.error} title={t`This story could not open`} onRetry={() => void story.refetch()} />
      </main>
    );
  }
  return <Studio key={story.data.id} story={story.data} />;
}
