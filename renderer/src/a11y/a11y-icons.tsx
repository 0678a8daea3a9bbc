/** Icons of the accessibility menu, in components/Icon.tsx's 24-unit line style. */
import { PathIcon } from '../components/Icon.js';

const paths = {
  /** The international symbol of accessibility's figure: what shoppers look for. */
  access:
    'M12 6.5a1.75 1.75 0 1 0 0-3.5 1.75 1.75 0 0 0 0 3.5zM5 9l7 1.5L19 9M12 10.5v4M12 14.5l-3.5 6M12 14.5l3.5 6',
  reach: 'M12 3.5v11M7.5 10L12 14.5 16.5 10M5 19.5h14',
  contrast: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 3v18M12 7h5.5M12 11h8.5M12 15h8M12 19h4',
  text: 'M3 19l5-13 5 13M4.8 14.5h6.4M14 19l3.5-9 3.5 9M15.2 16h4.6',
  speaker: 'M4 9.5h3.5L12 5.5v13l-4.5-4H4v-5zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11',
  pause: 'M8.5 5v14M15.5 5v14',
  play: 'M7.5 4.5v15L19 12 7.5 4.5z',
  repeat: 'M4.5 12a7.5 7.5 0 0 1 13-5.1M19.5 3.5v4h-4M19.5 12a7.5 7.5 0 0 1-13 5.1M4.5 20.5v-4h4',
  minus: 'M5 12h14',
  plus: 'M12 5v14M5 12h14',
} as const;

export type A11yIconName = keyof typeof paths;

export function A11yIcon({ name, className }: { name: A11yIconName; className?: string }) {
  return <PathIcon d={paths[name]} className={className} />;
}
