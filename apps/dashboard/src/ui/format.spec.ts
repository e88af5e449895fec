import { formatMoney, formatMoneyWhole, formatShare, fromMinor, humanise, minorUnitDigits, pluralRole, toMinor } from './format';

const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ');

describe('formatting', () => {
  it('reads minor units with each currency’s own number of decimals', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(fromMinor(125050, 'EUR')).toBe(1250.5);
    expect(toMinor(1250.5, 'EUR')).toBe(125050);
    expect(toMinor(4200, 'JPY')).toBe(4200);
    expect(toMinor(0.1 + 0.2, 'EUR')).toBe(30);
  });

  it('shows money with its currency code', () => {
    expect(plain(formatMoney(125050, 'EUR'))).toBe('EUR 1,250.50');
    expect(plain(formatMoney(42000000, 'JPY'))).toBe('JPY 42,000,000');
    expect(plain(formatMoneyWhole(116120000, 'EUR'))).toBe('EUR 1,161,200');
  });

  it('says n/a for a share with nothing to measure, not 0%', () => {
    expect(formatShare(null)).toBe('n/a');
    expect(formatShare(0.4375)).toBe('43.8%');
    expect(humanise('incident-response-cert')).toBe('Incident response CERT');
    expect(humanise('cyber-diplomacy-cbms')).toBe('Cyber diplomacy CBMs');
    expect(humanise('ngo')).toBe('NGO');
    expect(humanise('north-south')).toBe('North–South');
    expect(humanise('south-south')).toBe('South–South');
    expect(humanise('national-strategy-policy')).toBe('National strategy policy');
    expect(pluralRole('beneficiary')).toBe('Beneficiaries');
    expect(pluralRole('donor')).toBe('Donors');
  });
});
