import { Icon } from './Icon.js';

/** A quiet note while the hub (or the kiosk service) is away: what is shown is saved here. */
export function StatusPill({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`status-pill ${className ?? ''}`} role="status" data-testid="offline-status">
      <Icon name="offline" />
      <span>{text}</span>
    </div>
  );
}
