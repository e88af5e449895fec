import type { paths } from './generated/openapi';

type JsonBody<Operation> = Operation extends { readonly requestBody?: { readonly content: { readonly 'application/json': infer Body } } } ? Body : never;

type RoutesWith<Method extends 'post' | 'put'> = {
  [R in keyof paths]: paths[R] extends { readonly [M in Method]: infer Operation } ? ([JsonBody<Operation>] extends [never] ? never : R) : never;
}[keyof paths];

/** Routes that record something new (POST with a JSON body), as written in /docs-json. */
export type PostRoute = RoutesWith<'post'>;
/** Routes that state something whole, replacing what was stated before (PUT with a JSON body). */
export type PutRoute = RoutesWith<'put'>;
/** Every route the API documents as a JSON command. */
export type CommandRoute = PostRoute | PutRoute;

/**
 * What a form may send to that route: the generated DTO's fields and nesting exactly (a renamed or removed field
 * fails to compile), with any number or code also accepted as the text a person typed, because the API's own
 * validation is what answers at the field ("amount.amountMinor must be an integer").
 */
export type CommandBody<R extends CommandRoute> = AsTyped<
  paths[R] extends { readonly post: infer Operation } ? JsonBody<Operation> : paths[R] extends { readonly put: infer Operation } ? JsonBody<Operation> : never
>;

type AsTyped<T> = T extends readonly (infer Item)[]
  ? readonly AsTyped<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: AsTyped<T[K]> }
    : T extends number | string
      ? T | string
      : T;

type ParameterNames<R extends string> = R extends `${string}{${infer Name}}${infer Rest}` ? Name | ParameterNames<Rest> : never;

/** A command's address: the documented route, and the path with its parameters filled in and encoded. */
export interface CommandTarget<R extends CommandRoute> {
  readonly route: R;
  readonly path: string;
  readonly method: 'POST' | 'PUT';
}

export function commandTarget<R extends PostRoute>(route: R, parameters: { readonly [N in ParameterNames<R>]: string }): CommandTarget<R> {
  return { route, path: filled(route, parameters), method: 'POST' };
}

/** A PUT command's address: what it states replaces what was stated before. */
export function statementTarget<R extends PutRoute>(route: R, parameters: { readonly [N in ParameterNames<R>]: string }): CommandTarget<R> {
  return { route, path: filled(route, parameters), method: 'PUT' };
}

function filled<R extends CommandRoute>(route: R, parameters: { readonly [N in ParameterNames<R>]: string }): string {
  const values = new Map<string, string>(Object.entries(parameters));
  const path = route.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  return path;
}
