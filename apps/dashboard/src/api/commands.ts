import type { paths } from './generated/openapi';

type JsonBody<Operation> = Operation extends { readonly requestBody?: { readonly content: { readonly 'application/json': infer Body } } } ? Body : never;

/** Every route the API documents as a JSON command (POST with a JSON body), as written in /docs-json. */
export type CommandRoute = { [R in keyof paths]: paths[R] extends { readonly post: infer Operation } ? ([JsonBody<Operation>] extends [never] ? never : R) : never }[keyof paths];

/**
 * What a form may send to that route: the generated DTO's fields and nesting exactly (a renamed or removed field
 * fails to compile), with any number or code also accepted as the text a person typed, because the API's own
 * validation is what answers at the field ("amount.amountMinor must be an integer").
 */
export type CommandBody<R extends CommandRoute> = AsTyped<JsonBody<paths[R]['post']>>;

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
}

export function commandTarget<R extends CommandRoute>(route: R, parameters: { readonly [N in ParameterNames<R>]: string }): CommandTarget<R> {
  const values = new Map<string, string>(Object.entries(parameters));
  const path = route.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`${route}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  return { route, path };
}
