/**
 * The staff's way in without a keyboard: five taps within three seconds on an invisible square
 * at the top-left corner (top-right in a right-to-left language, mirrored with the top bar). It
 * sits above every screen and takes the taps itself, so they neither start a session on the
 * attract loop nor press what lies under it.
 */
import { useRef } from 'react';

const TAPS = 5;
const WITHIN_MS = 3000;

export function StaffCorner({ onOpen }: { onOpen: () => void }) {
  const taps = useRef<number[]>([]);
  return (
    <div
      className="staff-corner"
      data-testid="staff-corner"
      aria-hidden="true"
      onPointerDown={() => {
        const now = performance.now();
        const recent = [...taps.current.filter((at) => now - at < WITHIN_MS), now];
        taps.current = recent.length >= TAPS ? [] : recent;
        if (recent.length >= TAPS) onOpen();
      }}
    />
  );
}
