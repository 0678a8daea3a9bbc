/**
 * Icons only the staff screens use: they load with them, not with the shopper's first download.
 * Same 24-unit line style as components/Icon.tsx, whose icons they may also name.
 */
import { Icon, PathIcon, type IconName } from '../components/Icon.js';

const paths = {
  lock: 'M6.5 11h11a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1zM8.5 11V7.5a3.5 3.5 0 0 1 7 0V11M12 15v2',
  sync: 'M19.5 12A7.5 7.5 0 0 1 6.2 16.8M4.5 12a7.5 7.5 0 0 1 13.3-4.8M18 3.5v3.7h-3.7M6 20.5v-3.7h3.7',
  reload: 'M19.5 12a7.5 7.5 0 1 1-2.2-5.3M19.5 4v4.5H15',
  grid: 'M4 4h16v16H4V4zM4 9.3h16M4 14.7h16M9.3 4v16M14.7 4v16',
  card: 'M3 6.5A1.5 1.5 0 0 1 4.5 5h15A1.5 1.5 0 0 1 21 6.5v11a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5v-11zM3 10h18M7 15h4',
  device: 'M4 5h16v11H4V5zM9 20h6M12 16v4',
  box: 'M12 3l8 4.5v9L12 21l-8-4.5v-9L12 3zM4 7.5l8 4.5 8-4.5M12 12v9',
  outbox: 'M4 14v5h16v-5M12 4v10M8 8l4-4 4 4',
  alert: 'M12 4l9 16H3l9-16zM12 10v4.5M12 17.5h.01',
  exit: 'M10 4H5.5a1 1 0 0 0-1 1v14a1 1 0 0 0 1 1H10M15 8l4 4-4 4M19 12H9.5',
} as const;

type OwnName = keyof typeof paths;
export type StaffIconName = OwnName | IconName;

function isOwn(name: StaffIconName): name is OwnName {
  return Object.hasOwn(paths, name);
}

export function StaffIcon({ name, className }: { name: StaffIconName; className?: string }) {
  return isOwn(name) ? (
    <PathIcon d={paths[name]} className={className} />
  ) : (
    <Icon name={name} className={className} />
  );
}
