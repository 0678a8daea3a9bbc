/** The staff panel's sections, each drawn from one staff.status answer. */
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { locale } = useKiosk().info;
  const { t } = useTranslation('staff');
  const { device, store, versions } = view;
  return (
    <Section icon="device" title={t('device.title')} className="staff-card-device">
      <Facts
        facts={[
          [t('device.name'), device.name],
          [t('device.id'), mono(device.id)],
          [t('device.mode'), device.mode === 'kiosk' ? t('device.kiosk') : t('device.window')],
          [t('device.store'), `${store.name} · ${store.code}`],
          [t('device.app'), mono(versions.app)],
          [t('device.bridge'), mono(`v${versions.bridge}`)],
          [t('device.node'), mono(versions.node)],
          [t('device.uptime'), uptimeText(view.uptimeSeconds, locale)],
        ]}
      />
    </Section>
  );
}

export function CatalogSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  const { t } = useTranslation('staff');
  const { catalog } = view;
  return (
    <Section icon="box" title={t('catalog.title')} className="staff-card-catalog">
      <div className="staff-stats">
        <Stat label={t('catalog.products')} value={count(catalog.products, locale)} testId="staff-products" />
        <Stat label={t('catalog.variants')} value={count(catalog.variants, locale)} />
        <Stat label={t('catalog.categories')} value={count(catalog.categories, locale)} />
        <Stat label={t('catalog.stores')} value={count(catalog.stores, locale)} />
      </div>
    </Section>
  );
}

export function SyncSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  const { t } = useTranslation('staff');
  const { sync } = view;
  const phase = syncPhase(t, sync.phase);
  const rows = sync.rows;
  const cursors = Object.entries(sync.cursors).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Section icon="sync" title={t('sync.title')} className="staff-card-sync">
      <div className="staff-pills">
        <Pill tone={phase.tone}>{phase.text}</Pill>
        <Pill tone={sync.online ? 'good' : 'bad'}>
          {sync.online ? t('sync.hubOnline') : t('sync.hubOffline')}
        </Pill>
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
            {t('sync.rows', { done: count(rows.done, locale), total: count(rows.total, locale) })}
          </span>
        </div>
      ) : null}
      <Facts
        facts={[
          [t('sync.hub'), sync.hubUrl === null ? t('sync.noHub') : mono(sync.hubUrl)],
          ...(sync.lastError !== undefined ? [[t('sync.lastError'), sync.lastError] as Fact] : []),
        ]}
      />
      <h3 className="staff-subtitle">{t('sync.cursors')}</h3>
      {cursors.length === 0 ? (
        <p className="staff-empty">{t('sync.noCursors')}</p>
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
  const { t } = useTranslation('staff');
  return (
    <Section icon="barcode" title={t('hardware.title')} className="staff-card-hardware">
      {view.hardware.length === 0 ? (
        <p className="staff-empty">{t('hardware.none')}</p>
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
                    {d.connected ? t('hardware.connected') : t('hardware.disconnected')}
                  </Pill>
                  <span>
                    {mono(d.usbId)} ·{' '}
                    {d.lastEventAt === null
                      ? t('hardware.noEvents')
                      : t('hardware.lastEvent', { time: clockTime(d.lastEventAt, locale, true) })}{' '}
                    · {t('hardware.errors', { count: d.errors })}
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
          {t('hardware.liveTest')}
        </span>
        <p className="staff-scan-line" data-testid="staff-last-scan" data-outcome={scan?.outcome ?? 'none'}>
          {scan === null ? (
            t('hardware.scanPrompt')
          ) : (
            <>
              {t('hardware.lastScan')} {mono(scan.code)} →{' '}
              {scan.outcome === 'product' ? (
                <strong>{scan.product.title}</strong>
              ) : scan.outcome === 'not-found' ? (
                t('hardware.notFound')
              ) : (
                t('hardware.unreadable', { reason: scan.message })
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
            ? t('hardware.cardPrompt')
            : card.kind === 'member'
              ? t('hardware.cardMember')
              : t('hardware.cardRefused', { reason: t(cardReasons[card.reason]) })}
        </p>
      </div>
    </Section>
  );
}

const cardReasons: Record<Extract<CardEvent, { kind: 'refused' }>['reason'], string> = {
  'payment-card': 'hardware.reason.paymentCard',
  'not-a-loyalty-card': 'hardware.reason.notLoyalty',
  unreadable: 'hardware.reason.unreadable',
};

export function OutboxSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  const { t } = useTranslation('staff');
  const { pending, dead } = view.outbox;
  return (
    <Section icon="outbox" title={t('outbox.title')} className="staff-card-outbox">
      <div className="staff-stats staff-stats-two">
        <Stat
          label={t('outbox.pending')}
          value={count(pending, locale)}
          tone={pending > 0 ? 'warn' : 'good'}
        />
        <Stat label={t('outbox.dead')} value={count(dead, locale)} tone={dead > 0 ? 'bad' : 'good'} />
      </div>
    </Section>
  );
}

export function ProblemsSection({ view }: { view: StaffStatusView }) {
  const { locale } = useKiosk().info;
  const { t } = useTranslation('staff');
  return (
    <Section icon="alert" title={t('problems.title')} className="staff-card-problems">
      {view.recentProblems.length === 0 ? (
        <p className="staff-empty">{t('problems.none')}</p>
      ) : (
        <ul className="staff-problems">
          {view.recentProblems.map((p, i) => (
            <li className="staff-problem" key={`${p.at}:${i}`}>
              <time className="staff-problem-time" dateTime={p.at}>
                {clockTime(p.at, locale, true)}
              </time>
              <Pill tone={p.level === 'error' ? 'bad' : 'warn'}>
                {p.level === 'error' ? t('problems.error') : t('problems.warning')}
              </Pill>
              <span className="staff-problem-message">{p.message}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
