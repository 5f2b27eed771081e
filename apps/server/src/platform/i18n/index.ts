/** Languages: which one a person reads, and the message catalogues the server writes in. */
export * from './locales';
export * from './catalogue';
