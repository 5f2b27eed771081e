import { useCallback, useEffect, useRef, useState } from 'react';
import type { Story } from '../../shared/api/types';
import { useUpdateStoryMutation } from '../../shared/queries/studio/use-update-story-mutation';
import {
  EMPTY_EDITS,
  fieldsFromStory,
  loadLocalDraft,
  saveLocalDraft,
  toStoryFields,
  type DraftEdits,
  type DraftFields,
  type LocalDraft,
} from './studio-draft';

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

const AUTOSAVE_DELAY_MS = 800;

/**
 * The studio's working copy of a story. Every change is written to localStorage at once (nothing
 * is lost if the tab closes or the network drops) and PATCHed to the server after a short pause;
 * a failed save is retried on the next change or when the network comes back.
 */
export function useStudioDraft(story: Story) {
  const [draft, setDraft] = useState<LocalDraft>(() => {
    const local = loadLocalDraft(story.id);
    // Unsaved local changes win over the server copy: they are newer by construction.
    // A copy kept by an older version of the studio lacks newer fields: the server's fill them in.
    if (local?.unsavedSince) return { ...local, fields: { ...fieldsFromStory(story), ...local.fields } };
    return {
      storyId: story.id,
      fields: fieldsFromStory(story),
      edits: local?.edits ?? EMPTY_EDITS,
      unsavedSince: null,
      upload: local?.upload ?? null,
    };
  });
  const [saveState, setSaveState] = useState<SaveState>(draft.unsavedSince ? 'unsaved' : 'saved');
  const update = useUpdateStoryMutation();
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    latest.current = draft;
    saveLocalDraft(draft);
  }, [draft]);

  const { mutate } = update;
  const flush = useCallback(() => {
    const current = latest.current;
    if (!current.unsavedSince) return;
    const since = current.unsavedSince;
    setSaveState('saving');
    mutate(
      { storyId: current.storyId, fields: toStoryFields(current.fields) },
      {
        onSuccess: () => {
          // Only mark saved if nothing changed while the request was out.
          setDraft((d) => (d.unsavedSince === since ? { ...d, unsavedSince: null } : d));
          setSaveState(latest.current.unsavedSince === since ? 'saved' : 'unsaved');
        },
        onError: () => setSaveState('error'),
      },
    );
  }, [mutate]);

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    if (latest.current.unsavedSince) schedule();
    const online = () => flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
    // Mount only (flush and schedule are stable): resume a save left over from last time.
  }, [flush, schedule]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const setFields = useCallback(
    (patch: Partial<DraftFields>) => {
      setDraft((d) => ({ ...d, fields: { ...d.fields, ...patch }, unsavedSince: Date.now() }));
      setSaveState('unsaved');
      schedule();
    },
    [schedule],
  );

  const setEdits = useCallback((patch: Partial<DraftEdits>) => {
    setDraft((d) => ({ ...d, edits: { ...d.edits, ...patch } }));
  }, []);

  const setUpload = useCallback((upload: LocalDraft['upload']) => {
    setDraft((d) => ({ ...d, upload }));
  }, []);

  return { draft, fields: draft.fields, edits: draft.edits, setFields, setEdits, setUpload, saveState, saveNow: flush };
}
