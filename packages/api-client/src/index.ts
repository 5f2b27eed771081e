import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

/** A typed client for the Video Window API (paths and bodies generated from its OpenAPI document). */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  return createClient<paths>(options);
}
