/** The staff panel's sections, each drawn from one staff.status answer. */
import type { CSSProperties, ReactNode } from 'react';
import type { CardEvent, ScanEvent, StaffStatusView } from '../../../shared/bridge/contract.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { StaffIcon, type StaffIconName } from './staff-icons.js';
import { clockTime, count, syncPhase, uptimeText, type Tone } from '../format/staff.js';

type Fact = [label: string, value: ReactNode, testId?: string];

function Section({
  icon,
  title,
  className,
  children,
}: {
  icon: StaffIconName;
  title: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <section className={`staff-card ${className}`}>
      <h2 className="staff-card-title">
        <span className="staff-card-icon" aria-hidden="true">
          <StaffIcon name={icon} />
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Facts({ facts }: { facts: Fact[] }) {
  return (
    <dl className="staff-facts">
      {facts.map(([label, value, testId]) => (
        <div className="staff-fact" key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Pill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className="staff-pill" data-tone={tone}>
      {children}
    </span>
  );
}

function Stat({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: string;
  tone?: Tone;
  testId?: string;
}) {
  return (
    <div className="staff-stat" data-tone={tone ?? 'neutral'}>
      <span className="staff-stat-value" data-testid={testId}>
        {value}
      </span>
      <span className="staff-stat-label">{label}</span>
    </div>
  );
}

const mono = (text: string) => <code className="staff-mono">{text}</code>;

export function DeviceSection({ view }: { view: StaffStatusView }) {
  const { device, store, versions } = view;
  return (
    <Section icon="device" title="Device" className="staff-card-device">
      <Facts
        facts={[
          ['Name', device.name],
          ['Device id', mono(device.id)],
          ['Mode', device.mode === 'kiosk' ? 'Kiosk' : 'Shop window'],
          ['Store', `${store.name} · ${store.code}`],
          ['App', mono(versions.app)],
          ['Bridge', mono(`v${versions.bridge}`)],
          ['Node', mono(versions.node)],
          ['Uptime', uptimeText(view.uptimeSeconds)],
        ]}
      />
    </Section>
  );
}

export function CatalogSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  const { catalog } = view;
  return (
    <Section icon="box" title="Catalog" className="staff-card-catalog">
      <div className="staff-stats">
        <Stat label="Products" value={count(catalog.products, locale)} testId="staff-products" />
        <Stat label="Variants" value={count(catalog.variants, locale)} />
        <Stat label="Categories" value={count(catalog.categories, locale)} />
        <Stat label="Stores" value={count(catalog.stores, locale)} />
      </div>
    </Section>
  );
}

export function SyncSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  const { sync } = view;
  const phase = syncPhase(sync.phase);
  const rows = sync.rows;
  const cursors = Object.entries(sync.cursors).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Section icon="sync" title="Sync" className="staff-card-sync">
      <div className="staff-pills">
        <Pill tone={phase.tone}>{phase.text}</Pill>
        <Pill tone={sync.online ? 'good' : 'bad'}>{sync.online ? 'Hub online' : 'Hub offline'}</Pill>
      </div>
      {rows !== undefined && rows.total > 0 ? (
        <div className="staff-progress-wrap">
          <div
            className="staff-progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={rows.total}
            aria-valuenow={rows.done}
            style={{ '--progress': Math.min(1, rows.done / rows.total) } as CSSProperties}
          />
          <span className="staff-progress-text">
            {count(rows.done, locale)} of {count(rows.total, locale)} rows
          </span>
        </div>
      ) : null}
      <Facts
        facts={[
          ['Hub', sync.hubUrl === null ? 'None (standalone)' : mono(sync.hubUrl)],
          ...(sync.lastError !== undefined ? [['Last error', sync.lastError] as Fact] : []),
        ]}
      />
      <h3 className="staff-subtitle">Cursors</h3>
      {cursors.length === 0 ? (
        <p className="staff-empty">No scope synced yet</p>
      ) : (
        <Facts facts={cursors.map(([scope, cursor]): Fact => [scope, mono(count(cursor, locale))])} />
      )}
    </Section>
  );
}

export function HardwareSection({
  view,
  scan,
  card,
}: {
  view: StaffStatusView;
  scan: ScanEvent | null;
  card: CardEvent | null;
}) {
  const { locale } = useKiosk().info;
  return (
    <Section icon="barcode" title="Hardware" className="staff-card-hardware">
      {view.hardware.length === 0 ? (
        <p className="staff-empty">No scanners or card readers configured</p>
      ) : (
        <ul className="staff-devices">
          {view.hardware.map((d) => (
            <li className="staff-device" key={`${d.kind}:${d.name}:${d.usbId}`}>
              <span className="staff-device-icon" aria-hidden="true">
                <StaffIcon name={d.kind === 'scanner' ? 'barcode' : 'card'} />
              </span>
              <span className="staff-device-main">
                <strong>{d.name}</strong>
                <span className="staff-device-meta">
                  <Pill tone={d.connected ? 'good' : 'bad'}>
                    {d.connected ? 'Connected' : 'Not connected'}
                  </Pill>
                  <span>
                    {mono(d.usbId)} ·{' '}
                    {d.lastEventAt === null
                      ? 'no events yet'
                      : `last event ${clockTime(d.lastEventAt, locale, true)}`}{' '}
                    · {d.errors === 0 ? 'no errors' : `${d.errors} ${d.errors === 1 ? 'error' : 'errors'}`}
                  </span>
                </span>
                {d.lastError !== null ? <span className="staff-device-error">{d.lastError}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="staff-scan-test">
        <span className="staff-scan-test-label">
          <StaffIcon name="sparkle" />
          Live test
        </span>
        <p className="staff-scan-line" data-testid="staff-last-scan" data-outcome={scan?.outcome ?? 'none'}>
          {scan === null ? (
            'Scan any label: it shows here, the shopper screens stay put'
          ) : (
            <>
              Last scan: {mono(scan.code)} →{' '}
              {scan.outcome === 'product' ? (
                <strong>{scan.product.title}</strong>
              ) : scan.outcome === 'not-found' ? (
                'not in the catalog'
              ) : (
                `unreadable (${scan.message})`
              )}
            </>
          )}
        </p>
        <p
          className="staff-scan-line"
          data-testid="staff-last-card"
          data-outcome={card === null ? 'none' : card.kind}
        >
          {card === null
            ? 'Present a card to test the reader'
            : card.kind === 'member'
              ? 'Card: member'
              : `Card: refused (${cardReasons[card.reason]})`}
        </p>
      </div>
    </Section>
  );
}

const cardReasons: Record<Extract<CardEvent, { kind: 'refused' }>['reason'], string> = {
  'payment-card': 'a payment card',
  'not-a-loyalty-card': 'not a loyalty card',
  unreadable: 'unreadable',
};

export function OutboxSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  const { pending, dead } = view.outbox;
  return (
    <Section icon="outbox" title="Outbox" className="staff-card-outbox">
      <div className="staff-stats staff-stats-two">
        <Stat
          label="Waiting for the hub"
          value={count(pending, locale)}
          tone={pending > 0 ? 'warn' : 'good'}
        />
        <Stat label="Given up (dead)" value={count(dead, locale)} tone={dead > 0 ? 'bad' : 'good'} />
      </div>
    </Section>
  );
}

export function ProblemsSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  return (
    <Section icon="alert" title="Recent problems" className="staff-card-problems">
      {view.recentProblems.length === 0 ? (
        <p className="staff-empty">Nothing logged since the kiosk started</p>
      ) : (
        <ul className="staff-problems">
          {view.recentProblems.map((p, i) => (
            <li className="staff-problem" key={`${p.at}:${i}`}>
              <time className="staff-problem-time" dateTime={p.at}>
                {clockTime(p.at, locale, true)}
              </time>
              <Pill tone={p.level === 'error' ? 'bad' : 'warn'}>
                {p.level === 'error' ? 'Error' : 'Warning'}
              </Pill>
              <span className="staff-problem-message">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
