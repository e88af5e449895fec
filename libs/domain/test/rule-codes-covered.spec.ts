import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = join(__dirname, '../src');
const SPECS = __dirname;

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, suffix) : path.endsWith(suffix) ? [path] : [];
  });
}

/** Every rule code a decision can raise: the first rule-shaped literal of each `ensure(` or `refuse(` call. */
function ruleCodesRaised(): Set<string> {
  const codes = new Set<string>();
  for (const file of filesUnder(SOURCES, '.ts')) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\b(?:ensure|refuse)\(/g)) {
      const rest = text.slice(call.index + call[0].length, call.index + 2_000);
      const code = /'([a-z0-9-]+\.[a-z0-9.-]+)'/.exec(rest.slice(0, rest.indexOf(';') < 0 ? undefined : rest.indexOf(';')));
      if (code) codes.add(code[1]);
    }
  }
  return codes;
}

describe('rule codes', () => {
  it('finds the rules the domain raises (the scan itself works)', () => {
    const codes = ruleCodesRaised();
    expect(codes.size).toBeGreaterThan(60);
    for (const known of ['phase.order', 'flow.disbursement-within-commitment', 'invitation.exists', 'event.shape']) expect(codes).toContain(known);
  });

  it('every rule code the domain can raise is named by a given/when/then spec', () => {
    const specs = filesUnder(SPECS, '.spec.ts')
      .filter((f) => !f.endsWith('rule-codes-covered.spec.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const untested = [...ruleCodesRaised()].filter((code) => !specs.includes(`'${code}'`)).sort();
    expect(untested).toEqual([]);
  });
});
