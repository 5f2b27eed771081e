import type { paths } from '@vw/api-client';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** A review as anyone sees it (the server's schema). */
export type Review = Json<paths['/v1/orders/{id}/review']['post']['responses'][201]>;
