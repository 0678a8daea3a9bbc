/**
 * Reserve and Send-to-phone (with its QR encoder) load on demand: they stay out of the first
 * download, and are fetched in the background once a product is on screen.
 */
import { lazy } from 'react';

const loadReserve = () => import('../screens/ReserveScreen.js');
const loadHandoff = () => import('../screens/HandoffScreen.js');

export const ReserveScreen = lazy(() => loadReserve().then((m) => ({ default: m.ReserveScreen })));
export const HandoffScreen = lazy(() => loadHandoff().then((m) => ({ default: m.HandoffScreen })));

export function preloadProductActions(): void {
  loadReserve().catch(() => undefined);
  loadHandoff().catch(() => undefined);
}
