import { describe, expect, it } from 'vitest';
import { parseVitrineJsonl } from '../../../../shared/catalog/index.js';
import { isRelativeMediaPath, parseMediaUrl } from '../../../../shared/catalog/media-ref.js';

describe('media URLs in feeds', () => {
  it('accepts absolute http(s) URLs and plain relative paths', () => {
    for (const url of [
      'https://cdn.example.com/a.glb',
      'http://hub.local:8080/media/x.glb',
      'models/P1-sneaker.glb',
      'shoe.glb',
      'a/b_c/d~e-f.gltf',
    ])
      expect(parseMediaUrl(url)).toEqual({ ok: true, value: url });
  });

  it('refuses paths that could leave the folder, hidden files, other schemes and absolute paths', () => {
    for (const url of [
      '../secret.glb',
      'models/../../etc/passwd',
      '.env',
      'models/.hidden.glb',
      '/etc/passwd',
      'C:\\models\\a.glb',
      'models\\a.glb',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'models//a.glb',
      'a b.glb',
      '',
    ]) {
      const result = parseMediaUrl(url);
      expect(result.ok, url).toBe(false);
      expect(isRelativeMediaPath(url), url).toBe(false);
    }
  });

  it('names the field of a bad medium in a Vitrine feed, and keeps a good relative one as it is', () => {
    const text = [
      '{"format":"vitrine-catalog","version":1}',
      '{"type":"product","id":"A","title":"A","media":[{"kind":"model","url":"models/a.glb"}],"variants":[{"sku":"S1"}]}',
      '{"type":"product","id":"B","title":"B","media":[{"kind":"model","url":"../b.glb"}],"variants":[{"sku":"S2"}]}',
    ].join('\n');
    const result = parseVitrineJsonl(text);
    expect(result.batch.products.map((p) => p.media)).toEqual([[{ kind: 'model', url: 'models/a.glb' }]]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ line: 3, field: 'media[0].url' });
    expect(result.problems[0]?.message).toContain(
      '"../b.glb" is neither an absolute http(s) URL nor a relative path',
    );
  });
});
