import { describe, expect, it } from 'vitest';
import { memberCodeOf } from '../../../../../main/runtime/session/member-codes.js';

const barcodes = {
  internalRules: [
    { prefix: '21', length: 13, label: 'in-store price label' },
    { prefix: 'LOY-', label: 'loyalty card', loyalty: true },
    { prefix: '99', length: 12, loyalty: true },
  ],
};
const TOKEN = 'demo-member-anna-0000000001';

describe('which scans are a member’s', () => {
  it('a member QR, with or without a symbology identifier, is the member’s token', () => {
    expect(memberCodeOf(`vitrine-member:${TOKEN}`, barcodes)).toEqual({
      kind: 'member',
      identifier: { kind: 'qr', value: TOKEN },
    });
    expect(memberCodeOf(`]Q1vitrine-member:${TOKEN}\r\n`, barcodes)).toEqual({
      kind: 'member',
      identifier: { kind: 'qr', value: TOKEN },
    });
    // A member QR that cannot hold a token is still no product code.
    expect(memberCodeOf('vitrine-member:short', barcodes)).toEqual({ kind: 'malformed' });
  });

  it('a barcode of a loyalty rule is a loyalty barcode; other rules and GTINs are products', () => {
    expect(memberCodeOf('LOY-1001', barcodes)).toEqual({
      kind: 'member',
      identifier: { kind: 'barcode', value: 'LOY-1001' },
    });
    expect(memberCodeOf(']C0990000001001', barcodes)).toEqual({
      kind: 'member',
      identifier: { kind: 'barcode', value: '990000001001' },
    });
    expect(memberCodeOf('99000000100', barcodes)).toBeNull(); // one digit short of the rule's length
    expect(memberCodeOf('2100000012345', barcodes)).toBeNull(); // a price label
    expect(memberCodeOf('4006381333931', barcodes)).toBeNull();
    expect(memberCodeOf('LOY-1001', { internalRules: [] })).toBeNull();
  });
});
