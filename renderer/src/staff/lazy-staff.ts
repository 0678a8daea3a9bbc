/**
 * The PIN pad and the staff panel load on demand: shoppers never see them, so they stay out of
 * the first download. The panel is fetched while the PIN is being typed.
 */
import { lazy } from 'react';

const loadPinPad = () => import('./StaffPinPad.js');
const loadPanel = () => import('./StaffPanel.js');

export const StaffPinPad = lazy(() => loadPinPad().then((m) => ({ default: m.StaffPinPad })));
export const StaffPanel = lazy(() => loadPanel().then((m) => ({ default: m.StaffPanel })));

export function preloadStaffPanel(): void {
  loadPanel().catch(() => undefined);
}
