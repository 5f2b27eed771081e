import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Request bodies that may be left out. Fastify hands a missing body to the validator as `null`,
 * which an optional zod schema refuses ("expected object, received null"), and the API document
 * marks every body as required. Both are fixed here, for every route at once: a route whose body
 * schema accepts `undefined` accepts no body (or JSON `null`), and its document says so.
 */
export class OptionalBodies {
  /** `METHOD /path/{param}` of every route whose body is optional. */
  readonly operations = new Set<string>();

  /** The validator compiler: zod's, with a missing body read as `undefined`. */
  readonly compiler: FastifySchemaCompiler<z.ZodType> = (route) => {
    const validate = validatorCompiler(route);
    if (route.httpPart !== 'body') return validate;
    return (data: unknown) => validate(data ?? undefined);
  };

  /** An `onRoute` hook recording the routes whose body is optional. */
  readonly onRoute = (route: { method: string | string[]; url: string; schema?: FastifySchema }): void => {
    const body = route.schema?.body;
    if (!(body instanceof z.ZodType) || !body.safeParse(undefined).success) return;
    const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    for (const method of [route.method].flat()) this.operations.add(`${method.toUpperCase()} ${path}`);
  };

  /** Marks the optional bodies as such in the OpenAPI document. */
  markDocument<T>(document: T): T {
    const paths = (document as { paths?: Record<string, Record<string, { requestBody?: { required?: boolean } }>> })
      .paths;
    for (const [path, operations] of Object.entries(paths ?? {})) {
      for (const [method, operation] of Object.entries(operations)) {
        if (operation.requestBody && this.operations.has(`${method.toUpperCase()} ${path}`))
          operation.requestBody.required = false;
      }
    }
    return document;
  }
}
