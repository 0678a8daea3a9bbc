/**
 * The one toast a session shows at a time (an unreadable barcode, a refused card, a member's
 * greeting), which goes away by itself. Callers stamp each notice with the time it came and key
 * the Toast by it, so the same message again restarts its timer and its entrance.
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

const NOTICE_MS = 5000;

/** `stays`: a notice that waits to be replaced rather than timing out (a card being checked). */
export function useNotice<N extends { at: number }>(
  stays?: (notice: N) => boolean,
): [N | null, Dispatch<SetStateAction<N | null>>] {
  const [notice, setNotice] = useState<N | null>(null);
  const lasting = notice !== null && stays?.(notice) === true;
  useEffect(() => {
    if (notice === null || lasting) return undefined;
    const timer = setTimeout(() => {
      setNotice(null);
    }, NOTICE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [notice, lasting]);
  return [notice, setNotice];
}
