/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Web OAuth client ids for Google and Apple sign-in (used when the server does not name them). */
  readonly VITE_GOOGLE_CLIENT_ID?: string;
  readonly VITE_APPLE_CLIENT_ID?: string;
}
