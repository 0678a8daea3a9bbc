/**
 * Where staff access stands: the hidden corner, the PIN pad, or the panel. App.tsx owns the
 * state, so its idle reset closes whichever is open.
 */
import { Suspense } from 'react';
import { StaffCorner } from './StaffCorner.js';
import { StaffPanel, StaffPinPad } from './lazy-staff.js';

export type StaffMode = 'closed' | 'pin' | 'panel';

export interface StaffAccessProps {
  mode: StaffMode;
  onMode: (mode: StaffMode) => void;
  /** Lock & close: the panel is locked and the kiosk goes back to its start for the next shopper. */
  onLocked: () => void;
}

export function StaffAccess({ mode, onMode, onLocked }: StaffAccessProps) {
  return (
    <>
      {mode === 'closed' ? (
        <StaffCorner
          onOpen={() => {
            onMode('pin');
          }}
        />
      ) : null}
      <Suspense fallback={null}>
        {mode === 'pin' ? (
          <StaffPinPad
            onCancel={() => {
              onMode('closed');
            }}
            onUnlocked={() => {
              onMode('panel');
            }}
          />
        ) : mode === 'panel' ? (
          <StaffPanel
            onExpired={() => {
              onMode('closed');
            }}
            onLocked={onLocked}
          />
        ) : null}
      </Suspense>
    </>
  );
}
