/**
 * The member's suggestions from the runtime (which asks the hub), fetched only after a yes to
 * personalization; without one nothing is asked, so nothing personal is even requested.
 */
import { useEffect, useState } from 'react';
import type { MemberSuggestionsView } from '../../../shared/bridge/member.js';
import { useKiosk } from '../bridge/kiosk-context.js';
import { usePersonalization } from './member-context.js';

export type SuggestionsState =
  | { status: 'off' }
  | { status: 'loading' }
  | { status: 'ready'; groups: MemberSuggestionsView['groups'] }
  | { status: 'failed' };

/** Home suggestions without `productId`; around a product with it. */
export function useMemberSuggestions(productId?: string): SuggestionsState {
  const { bridge, info } = useKiosk();
  const personal = usePersonalization();
  const [state, setState] = useState<{ key: string; value: SuggestionsState } | null>(null);
  const key = `${productId ?? ''}|${info.locale}`;

  useEffect(() => {
    if (!personal) return undefined;
    let live = true;
    bridge.call('member.suggestions', productId === undefined ? {} : { productId }).then(
      (view) => {
        if (live) setState({ key, value: { status: 'ready', groups: view.groups } });
      },
      () => {
        if (live) setState({ key, value: { status: 'failed' } });
      },
    );
    return () => {
      live = false;
    };
  }, [bridge, personal, productId, key]);

  if (!personal) return { status: 'off' };
  return state?.key === key ? state.value : { status: 'loading' };
}
