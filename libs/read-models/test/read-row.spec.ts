import { c, nullable, readRow } from '../src/storage/columns';

const COLUMNS = { id: c.text, amount: c.int8, rate: nullable(c.numeric), at: c.timestamptz, periods: c.json<{ from: string }[]>(), flag: c.bool };

describe('readRow', () => {
  it("normalises the driver's representations to the declared ones", () => {
    // node-postgres hands a bigint back as text, an instant as a Date; a jsonb may arrive as text.
    const row = readRow(COLUMNS, { id: 'a', amount: '900000000000', rate: 1.0842, at: new Date('2026-03-01T10:00:00Z'), periods: '[{"from":"2026-01-01"}]', flag: false });
    expect(row).toEqual({ id: 'a', amount: 900_000_000_000, rate: '1.0842', at: '2026-03-01T10:00:00.000Z', periods: [{ from: '2026-01-01' }], flag: false });
    expect(readRow(COLUMNS, { ...row, rate: null }).rate).toBeNull();
  });

  it('refuses a row that lacks a NOT NULL column: a query that selected too little fails loudly', () => {
    expect(() => readRow(COLUMNS, { id: 'a', amount: 1, at: '2026-03-01T10:00:00Z', periods: [], flag: true })).not.toThrow();
    expect(() => readRow(COLUMNS, { id: 'a', at: '2026-03-01T10:00:00Z', periods: [], flag: true })).toThrow('amount is missing');
    expect(() => readRow(COLUMNS, { id: null, amount: 1, at: '2026-03-01T10:00:00Z', periods: [], flag: true })).toThrow('id is NULL');
  });

  it('refuses a bigint (or a sum of bigints) that a JSON number would round: 2^53 + 1 is not exact in a double', () => {
    const base = { id: 'a', at: '2026-03-01T10:00:00Z', periods: [], flag: true };
    expect(readRow(COLUMNS, { ...base, amount: '9007199254740991' }).amount).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => readRow(COLUMNS, { ...base, amount: '9007199254740993' })).toThrow('exceeds what JSON numbers carry exactly');
  });
});
