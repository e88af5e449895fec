import { startTransition, useEffect, useState } from 'react';
import { getJson } from '../api/api-client';
import type { Organisation, Page } from '../api/api-types';

let cache: Promise<ReadonlyMap<string, Organisation>> | null = null;
let cachedFor: string | null = null;

/** Organisation names for ids, loaded once per signed-in user; an unknown id shows as itself. */
export function useOrganisationNames(token: string | null): (id: string) => string {
  const names = useOrganisations(token);
  return (id: string) => names.get(id)?.name ?? id;
}

/** Every registered organisation the signed-in user may see, by id (loaded once per user, shared with the names). */
export function useOrganisations(token: string | null): ReadonlyMap<string, Organisation> {
  const [names, setNames] = useState<ReadonlyMap<string, Organisation>>(new Map());
  useEffect(() => {
    if (!token) return;
    if (cachedFor !== token || !cache) {
      cachedFor = token;
      cache = getJson<Page<Organisation>>('/api/organisations?limit=500').then(
        (page) => new Map(page.items.map((o) => [o.organisationId, o])),
        () => new Map(),
      );
    }
    let live = true;
    void cache.then((map) => live && startTransition(() => setNames(map)));
    return () => {
      live = false;
    };
  }, [token]);
  return names;
}
