import type { paths } from '@vw/api-client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** A conversation as its party sees it (the server's schema). */
export type Conversation = Json<paths['/v1/conversations/{id}']['get']['responses'][200]>;
/** One message of a thread (the server's schema). */
export type Message = Json<paths['/v1/conversations/{id}/messages']['post']['responses'][201]>;
/** A reported conversation as an admin reads it. */
export type AdminConversation = Json<paths['/v1/admin/conversations/{id}']['get']['responses'][200]>;
