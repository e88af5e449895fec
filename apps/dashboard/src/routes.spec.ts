import { href, parseRoute } from './routes';

describe('hash routes', () => {
  it('round-trips every page', () => {
    for (const hash of [
      '#/',
      '#/sign-in',
      '#/registry',
      '#/portfolio',
      '#/partnerships',
      '#/operations',
      '#/partnerships/p-1',
      '#/partnerships/p-1/work-log',
      '#/partnerships/p-1/beneficiary',
      '#/partnerships/p-1/replay',
    ]) {
      expect(href(parseRoute(hash))).toBe(hash);
    }
  });

  it('decodes ids and names unknown paths', () => {
    expect(parseRoute('#/partnerships/p%2F1/replay')).toEqual({ page: 'replay', id: 'p/1' });
    expect(parseRoute('#/partnerships/p-1/nothing')).toEqual({ page: 'not-found', path: '/partnerships/p-1/nothing' });
    expect(parseRoute('')).toEqual({ page: 'home' });
  });
});
