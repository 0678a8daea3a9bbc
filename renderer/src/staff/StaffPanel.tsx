/**
 * The staff panel: the device's health at a glance and the few things a technician does on the
 * spot (resync, reload, check the screen, exit the kiosk where the shell allows it). It asks staff.status every 2 s; each call also keeps
 * the runtime's staff session open, and when the runtime refuses it (locked, or 2 minutes
 * without a staff call) the panel closes. While it is open, scans and cards test the hardware
 * here instead of moving the shopper's screens (Session.tsx holds them).
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardEvent, ScanEvent, StaffStatusView } from '../../../shared/bridge/contract.js';
import { callQuietly, useBridgeEvent, useKiosk } from '../bridge/kiosk-context.js';
import { StaffIcon } from './staff-icons.js';
import { clockTime } from '../format/staff.js';
import { ExitKiosk } from './ExitKiosk.js';
import { refused, settleStaffAction } from './staff-action.js';
import {
  CatalogSection,
  DeviceSection,
  HardwareSection,
  OutboxSection,
  ProblemsSection,
  SyncSection,
} from './StaffSections.js';
import { TestPattern } from './TestPattern.js';
import '../theme/staff.css';

const REFRESH_MS = 2000;

export interface StaffPanelProps {
  /** The runtime refused a staff call: the staff session is over. */
  onExpired: () => void;
  /** Lock & close was pressed (the lock is already on its way). */
  onLocked: () => void;
}

type Resync = { state: 'idle' } | { state: 'busy' } | { state: 'done'; ok: boolean; message: string };

export function StaffPanel({ onExpired, onLocked }: StaffPanelProps) {
  const { bridge, info } = useKiosk();
  const { t } = useTranslation('staff');
  const [status, setStatus] = useState<{ view: StaffStatusView; at: string } | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [resync, setResync] = useState<Resync>({ state: 'idle' });
  const [pattern, setPattern] = useState(false);
  const [scan, setScan] = useState<ScanEvent | null>(null);
  const [card, setCard] = useState<CardEvent | null>(null);

  useBridgeEvent('scan', setScan);
  useBridgeEvent('card', setCard);

  const expire = useEffectEvent(onExpired);
  useEffect(() => {
    let live = true;
    const refresh = (): void => {
      bridge.call('staff.status', {}).then(
        (view) => {
          if (!live) return;
          setStatus({ view, at: new Date().toISOString() });
          setStale(null);
        },
        (error: unknown) => {
          if (!live) return;
          if (refused(error)) expire();
          else setStale(error instanceof Error ? error.message : String(error));
        },
      );
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [bridge]);

  const startResync = (): void => {
    if (resync.state === 'busy') return;
    setResync({ state: 'busy' });
    settleStaffAction(
      bridge.call('staff.resync', {}),
      ({ ok, message }) => {
        setResync({ state: 'done', ok, message });
      },
      onExpired,
    );
  };

  const lockAndClose = (): void => {
    callQuietly(bridge.call('staff.lock', {}));
    onLocked();
  };

  const view = status?.view;
  return (
    <div
      className="staff"
      data-screen="staff"
      data-testid="staff-panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="staff-title"
    >
      <header className="staff-head">
        <div className="staff-head-text">
          <span className="eyebrow staff-eyebrow">
            <StaffIcon name="lock" />
            {t('panel.eyebrow', { brand: info.branding.name })}
          </span>
          <h1 className="staff-title" id="staff-title" data-testid="staff-device-name">
            {view?.device.name ?? info.device.name}
          </h1>
          <span className="staff-updated">
            {stale !== null
              ? t('panel.stale', { error: stale })
              : status !== null
                ? t('panel.updated', { time: clockTime(status.at, info.locale, true) })
                : t('panel.loading')}
          </span>
        </div>
        <button
          type="button"
          className="btn btn-accent btn-lg press"
          data-testid="staff-close"
          onClick={lockAndClose}
        >
          <StaffIcon name="lock" />
          {t('panel.lock')}
        </button>
      </header>

      <div className="staff-actions">
        <button
          type="button"
          className="btn btn-primary press"
          data-testid="staff-resync"
          aria-busy={resync.state === 'busy'}
          onClick={startResync}
        >
          {resync.state === 'busy' ? (
            <span className="spinner" aria-hidden="true" />
          ) : (
            <StaffIcon name="sync" />
          )}
          {t('panel.resync')}
        </button>
        <button
          type="button"
          className="btn btn-secondary press"
          onClick={() => {
            location.reload();
          }}
        >
          <StaffIcon name="reload" />
          {t('panel.reload')}
        </button>
        <button
          type="button"
          className="btn btn-secondary press"
          data-testid="staff-test-pattern"
          onClick={() => {
            setPattern(true);
          }}
        >
          <StaffIcon name="grid" />
          {t('panel.testPattern')}
        </button>
        <p
          className="staff-resync-message"
          role="status"
          data-testid="staff-resync-message"
          data-tone={resync.state === 'done' ? (resync.ok ? 'good' : 'bad') : 'neutral'}
        >
          {resync.state === 'busy' ? t('panel.resyncing') : resync.state === 'done' ? resync.message : null}
        </p>
        {view?.canExit === true ? <ExitKiosk onExpired={onExpired} /> : null}
      </div>

      {view === undefined ? (
        <div className="staff-loading">
          <span className="spinner spinner-lg" aria-hidden="true" />
        </div>
      ) : (
        // Focusable, so a keyboard (a tactile keypad) can scroll it too (WCAG 2.1.1).
        <div className="staff-body scroll" tabIndex={0} role="region" aria-labelledby="staff-title">
          <div className="staff-grid">
            <div className="staff-col">
              <DeviceSection view={view} />
              <OutboxSection view={view} />
            </div>
            <div className="staff-col">
              <CatalogSection view={view} />
              <SyncSection view={view} />
            </div>
            <div className="staff-col">
              <HardwareSection view={view} scan={scan} card={card} />
              <ProblemsSection view={view} />
            </div>
          </div>
        </div>
      )}

      {pattern ? (
        <TestPattern
          onClose={() => {
            setPattern(false);
          }}
        />
      ) : null}
    </div>
  );
}
