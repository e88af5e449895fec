import { parseDecimal, parseAmount } from './amount-entry';

const minor = (text: string, currency: string, locale: string) => {
  const parsed = parseAmount(text, currency, locale);
  return parsed.ok ? parsed.amountMinor : `refused: ${parsed.reason}`;
};

describe('amounts typed in the user’s locale', () => {
  it.each([
    ['12,500.50', 'EUR', 'en-GB', 1_250_050],
    ['1250.50', 'EUR', 'en-GB', 125_050],
    ['12.500,50', 'EUR', 'nl-NL', 1_250_050],
    ['12.500,50', 'NOK', 'nb-NO', 'refused'],
    ['12 500,50', 'NOK', 'nb-NO', 1_250_050],
    ['12 500,50', 'EUR', 'fr-FR', 1_250_050],
    ['12\u202f500,50', 'EUR', 'fr-FR', 1_250_050],
    ['1.250,5', 'BRL', 'pt-BR', 125_050],
    ['12,5', 'EUR', 'pt-PT', 1_250],
    ['12.500', 'EUR', 'nl-NL', 1_250_000],
    ['4.100.000', 'KES', 'pt-PT', 'refused'],
    ['4 100 000', 'KES', 'pt-PT', 410_000_000],
    ['5000000', 'JPY', 'en-GB', 5_000_000],
    ['0,10', 'EUR', 'fr-FR', 10],
  ])('%s in %s typed in %s', (text, currency, locale, expected) => {
    const got = minor(text, currency, locale);
    if (expected === 'refused') expect(got).toMatch(/^refused/);
    else expect(got).toBe(expected);
  });

  it.each([
    ['12.50', 'nl-NL', /ambiguous/],
    ['12,50', 'en-GB', /ambiguous/],
    ['12.500,50', 'en-GB', /ambiguous/],
    ['1,2,3', 'fr-FR', /twice/],
    ['12.5', 'fr-FR', /ambiguous/],
    ['1.5', 'en-GB', /no minor unit/],
    ['1.005', 'en-GB', /2 decimals/],
    ['-5', 'en-GB', /positive/],
    ['0', 'en-GB', /greater than zero/],
    ['12e3', 'en-GB', /not a number/],
    ['', 'en-GB', /enter an amount/],
  ])('refuses %s in %s', (text, locale, reason) => {
    const parsed = parseAmount(text, text === '1.5' ? 'JPY' : 'EUR', locale);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('shows the amount as understood, in the same locale', () => {
    const parsed = parseAmount('12.500,50', 'EUR', 'nl-NL');
    expect(parsed.ok && parsed.understood.replace(/[\s\u00a0\u202f]/g, ' ')).toBe('EUR 12.500,50');
  });
});

describe("a measured value in the reader's language", () => {
  it.each([
    ['7,5', 'fr-FR', 7.5],
    ['1 250,5', 'fr-FR', 1250.5],
    ['1.250,5', 'es-ES', 1250.5],
    ['1,250.5', 'en-GB', 1250.5],
    ['-3', 'en-GB', -3],
    ['72', 'pt-PT', 72],
  ])('reads %s in %s as %s', (text, locale, value) => {
    expect(parseDecimal(text, locale)).toBe(value);
  });

  it.each([
    ['12.5', 'es-ES'],
    ['7,5', 'en-GB'],
    ['1,2,3', 'fr-FR'],
    ['seven', 'en-GB'],
  ])('hands %s in %s on as typed, for the API to refuse', (text, locale) => {
    expect(parseDecimal(text, locale)).toBe(text);
  });
});
