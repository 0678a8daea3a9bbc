import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../../kiosk-config/did-you-mean.js';

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('scaners', 'scanners')).toBe(1);
    expect(editDistance('kiosk', 'kiosq')).toBe(1);
    expect(editDistance('sacnners', 'scanners')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('suggest', () => {
  const root = ['device', 'store', 'mode', 'hub', 'standalone', 'displays', 'idle', 'attract', 'hardware'];

  it('finds near spellings, ignoring case and separators', () => {
    expect(suggest('dispalys', root)).toBe('displays');
    expect(suggest('vendor_id', ['vendorId', 'productId'])).toBe('vendorId');
    expect(suggest('Hardware', root)).toBe('hardware');
  });

  it('finds a group whose name the key contains', () => {
    expect(suggest('idleTimeout', root)).toBe('idle');
    expect(suggest('hubUrl', root)).toBe('hub');
  });

  it('stays quiet when nothing is close', () => {
    expect(suggest('colour', root)).toBeNull();
    expect(suggest('x', root)).toBeNull();
  });
});
