/**
 * Product copy from the feed is HTML written by someone else: it is cut down to basic
 * formatting (DESIGN.md, Security), so no script, style, link or event handler of a feed can run.
 */
import DOMPurify from 'dompurify';
import { useMemo } from 'react';

const ALLOWED_TAGS = ['b', 'strong', 'i', 'em', 'p', 'br', 'ul', 'ol', 'li'];

export function sanitizeDescription(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: [], KEEP_CONTENT: true });
}

export function Description({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeDescription(html), [html]);
  return (
    <div
      className="description"
      data-testid="product-description"
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
}
