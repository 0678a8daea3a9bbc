import { describe, expect, it } from 'vitest';
import { flushHeld, hold, sessionEnded, sessionMemory } from '../../../renderer/src/analytics/track.js';
import { activeFilters } from '../../../renderer/src/analytics/use-settled-search.js';

describe('the page’s held analytics', () => {
  it('"I’m done" sends what is held; a session’s end drops it and forgets the session', () => {
    const log: string[] = [];
    const release = hold({ flush: () => log.push('search sent'), discard: () => log.push('search dropped') });
    hold({ flush: () => log.push('other sent'), discard: () => log.push('other dropped') });
    sessionMemory.set('search.lastSent', 'boots');
    flushHeld();
    expect(log).toEqual(['search sent', 'other sent']);
    release();
    sessionEnded();
    expect(log).toEqual(['search sent', 'other sent', 'other dropped']);
    expect(sessionMemory.size).toBe(0);
  });

  it('counts each filter in use once', () => {
    expect(activeFilters({})).toBe(0);
    expect(activeFilters({ sizes: [], colors: undefined })).toBe(0);
    expect(activeFilters({ category: 'Shoes', sizes: ['42', '43'], inStockHere: true, minPrice: 0 })).toBe(4);
  });
});
