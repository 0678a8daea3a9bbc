/**
 * One shopper's visit: the screen stack, what they searched for, and what scans and cards do to
 * them. App.tsx remounts this under a new key when the session ends, which is the whole reset.
 */
import {
  Suspense,
  useMemo,
  useReducer,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useScreenView } from '../analytics/use-screen-view.js';
import { useBridgeEvent } from '../bridge/kiosk-context.js';
import { Toast } from '../components/Toast.js';
import { TopBar } from '../components/TopBar.js';
import { AccessibilityButton } from '../a11y/index.js';
import { MemberBar, MemberSession } from '../member/index.js';
import { AttractScreen } from '../screens/AttractScreen.js';
import { HomeScreen } from '../screens/HomeScreen.js';
import { NotFoundScreen } from '../screens/NotFoundScreen.js';
import { ProductScreen } from '../screens/ProductScreen.js';
import { SearchScreen } from '../screens/SearchScreen.js';
import { HandoffScreen, ReserveScreen } from './lazy-screens.js';
import { initialNav, navReducer, type Screen } from './navigation.js';
import { NavContext, type Nav, type SearchState } from './nav-context.js';
import { useNotice } from './use-notice.js';

interface Notice {
  icon: 'barcode' | 'user' | 'info';
  title: string;
  text?: string;
  testId: string;
  at: number;
}

export interface SessionProps {
  onEnd: () => void;
  /** The staff panel is open and tests the scanner and card reader: scans and cards leave the screens alone. */
  holdScans: boolean;
}

export function Session({ onEnd, holdScans }: SessionProps) {
  const [nav, dispatch] = useReducer(navReducer, initialNav);
  const [search, setSearch] = useState<SearchState>({ query: '', filters: {} });
  const [notice, setNotice] = useNotice<Notice>();
  const { t } = useTranslation();
  const top: Screen = nav.stack[nav.stack.length - 1] ?? { kind: 'attract', id: 0 };
  useScreenView(top);

  useBridgeEvent('scan', (scan) => {
    if (holdScans) return;
    setNotice(null);
    if (scan.outcome === 'product') {
      // Painted in this task rather than the next: the scan-to-screen budget is tens of ms.
      flushSync(() => {
        dispatch({
          type: 'scan',
          screen: {
            kind: 'product',
            productId: scan.product.id,
            product: scan.product,
            variantSku: scan.variantSku,
            scan: { code: scan.code, receivedAt: scan.receivedAt },
          },
        });
      });
    } else if (scan.outcome === 'not-found') {
      dispatch({ type: 'scan', screen: { kind: 'not-found', code: scan.code } });
    } else {
      setNotice({
        icon: 'barcode',
        title: t('notice.unreadableTitle'),
        text: t('notice.unreadableText'),
        testId: 'scan-unreadable',
        at: performance.now(),
      });
    }
  });

  useBridgeEvent('card', (card) => {
    if (holdScans) return;
    const at = performance.now();
    // A loyalty card is the member flow's to answer (member/MemberSession.tsx: checking, consent).
    if (card.kind === 'member') return;
    if (card.reason === 'payment-card') {
      setNotice({
        icon: 'info',
        title: t('notice.paymentCardTitle'),
        text: t('notice.paymentCardText'),
        testId: 'card-refused',
        at,
      });
    } else {
      setNotice({
        icon: 'info',
        title: t('notice.cardUnusableTitle'),
        text: t('notice.cardUnusableText'),
        testId: 'card-refused',
        at,
      });
    }
  });

  const actions = useMemo<Nav>(
    () => ({
      back: () => {
        dispatch({ type: 'back' });
      },
      home: () => {
        dispatch({ type: 'home' });
      },
      openSearch: (start) => {
        if (start !== undefined) setSearch({ query: start.query ?? '', filters: start.filters ?? {} });
        dispatch({ type: 'push', screen: { kind: 'search' } });
      },
      openProduct: (product) => {
        dispatch({ type: 'push', screen: { kind: 'product', productId: product.id, preview: product } });
      },
      selectVariant: (sku) => {
        dispatch({ type: 'select-variant', sku });
      },
      reserve: (product, sku) => {
        dispatch({ type: 'push', screen: { kind: 'reserve', product, sku } });
      },
      handoff: (product, sku) => {
        dispatch({ type: 'push', screen: { kind: 'handoff', product, sku } });
      },
    }),
    [],
  );

  return (
    <NavContext value={actions}>
      <MemberSession atAttract={top.kind === 'attract'} onStart={actions.home} hold={holdScans}>
        <div className={`session session-${top.kind}`}>
          {top.kind === 'attract' ? (
            <AccessibilityButton floating />
          ) : (
            <TopBar
              onBack={nav.stack.length > 1 ? actions.back : null}
              onHome={top.kind === 'home' ? null : actions.home}
              onDone={onEnd}
            />
          )}
          {top.kind === 'attract' ? null : <MemberBar />}
          <div className="stage" key={top.id}>
            <Suspense fallback={<div className="screen screen-loading" aria-busy="true" />}>
              {renderScreen(top, search, setSearch, actions)}
            </Suspense>
          </div>
          {notice !== null ? (
            <Toast
              key={notice.at}
              icon={notice.icon}
              title={notice.title}
              text={notice.text}
              testId={notice.testId}
            />
          ) : null}
        </div>
      </MemberSession>
    </NavContext>
  );
}

function renderScreen(
  screen: Screen,
  search: SearchState,
  setSearch: Dispatch<SetStateAction<SearchState>>,
  nav: Nav,
): ReactNode {
  switch (screen.kind) {
    case 'attract':
      return <AttractScreen onStart={nav.home} />;
    case 'home':
      return <HomeScreen />;
    case 'search':
      return <SearchScreen state={search} onChange={setSearch} />;
    case 'product':
      return <ProductScreen entry={screen} />;
    case 'reserve':
      return <ReserveScreen product={screen.product} sku={screen.sku} />;
    case 'handoff':
      return <HandoffScreen product={screen.product} sku={screen.sku} />;
    case 'not-found':
      return <NotFoundScreen code={screen.code} />;
  }
}
