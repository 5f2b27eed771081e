import { createContext, useContext } from 'react';
import { serverClock, type ServerClock } from './server-clock';

/** The server clock countdowns read (tests provide their own). */
export const ClockContext = createContext<ServerClock>(serverClock);

export function useServerClock(): ServerClock {
  return useContext(ClockContext);
}
