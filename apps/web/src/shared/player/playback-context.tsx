import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

interface Playback {
  /** Videos start muted (autoplay rules); one tap turns sound on for every video after it. */
  muted: boolean;
  setMuted: (muted: boolean) => void;
  captions: boolean;
  setCaptions: (on: boolean) => void;
}

const PlaybackContext = createContext<Playback>({
  muted: true,
  setMuted: () => undefined,
  captions: false,
  setCaptions: () => undefined,
});

export function PlaybackProvider({ children }: { children: ReactNode }) {
  const [muted, setMuted] = useState(true);
  const [captions, setCaptions] = useState(false);
  const value = useMemo(() => ({ muted, setMuted, captions, setCaptions }), [muted, captions]);
  return <PlaybackContext.Provider value={value}>{children}</PlaybackContext.Provider>;
}

export function usePlayback(): Playback {
  return useContext(PlaybackContext);
}
