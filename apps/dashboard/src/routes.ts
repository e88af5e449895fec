import { useEffect, useState } from 'react';

/**
 * Hash routes: the API serves one document at `/`, and a deep link or a reload never asks the server
 * for a path it does not have.
 */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'sign-in' }
  | { readonly page: 'registry' }
  | { readonly page: 'portfolio' }
  | { readonly page: 'partnerships' }
  | { readonly page: 'operations' }
  | { readonly page: 'propose' }
  | { readonly page: 'scorecard' }
  | { readonly page: 'partnership'; readonly id: string }
  | { readonly page: 'work-log'; readonly id: string }
  | { readonly page: 'donor'; readonly id: string }
  | { readonly page: 'beneficiary'; readonly id: string }
  | { readonly page: 'replay'; readonly id: string }
  | { readonly page: 'evaluation'; readonly id: string }
  | { readonly page: 'not-found'; readonly path: string };

const PARTNERSHIP_PAGES = { '': 'partnership', 'work-log': 'work-log', donor: 'donor', beneficiary: 'beneficiary', replay: 'replay', evaluation: 'evaluation' } as const;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: 'home' };
  const [first, id, sub = ''] = parts;
  if (
    parts.length === 1 &&
    (first === 'sign-in' || first === 'registry' || first === 'portfolio' || first === 'partnerships' || first === 'operations' || first === 'propose' || first === 'scorecard')
  )
    return { page: first };
  if (first === 'partnerships' && id && parts.length <= 3 && sub in PARTNERSHIP_PAGES) {
    return { page: PARTNERSHIP_PAGES[sub as keyof typeof PARTNERSHIP_PAGES], id };
  }
  return { page: 'not-found', path };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'home':
      return '#/';
    case 'partnership':
      return `#/partnerships/${encodeURIComponent(route.id)}`;
    case 'work-log':
    case 'donor':
    case 'beneficiary':
    case 'replay':
    case 'evaluation':
      return `#/partnerships/${encodeURIComponent(route.id)}/${route.page}`;
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.page}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => {
      setRoute(parseRoute(window.location.hash));
      // A new page takes the focus to its heading, as a page load would for a screen reader.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

const DESTINATION_KEY = 'tracker.after-sign-in';

/** Kept for the tab only: a link opened before signing in, not a place to return to next week. */
export function rememberDestination(route: Route): void {
  sessionStorage.setItem(DESTINATION_KEY, href(route));
}

/** The remembered deep link, once: signing out and in again later starts at home. */
export function takeDestination(): Route | null {
  const remembered = sessionStorage.getItem(DESTINATION_KEY);
  sessionStorage.removeItem(DESTINATION_KEY);
  return remembered ? parseRoute(remembered) : null;
}

export function navigate(route: Route): void {
  window.location.hash = href(route).slice(1);
}
