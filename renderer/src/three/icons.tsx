/** The 3D views' own icons, drawn on the same 24-unit grid as components/Icon.tsx. */
import { PathIcon } from '../components/Icon.js';

/** A cube with a turning arrow: "this can be turned around". */
export function Icon3d({ className }: { className?: string }) {
  return (
    <PathIcon
      className={className}
      d="M12 3.5l7 4v8l-7 4-7-4v-8l7-4zM12 11.5l7-4M12 11.5v8M12 11.5l-7-4M2.5 13.5a11 5 0 0 0 19 0M19.5 16.5l2-3 1 3.5"
    />
  );
}
