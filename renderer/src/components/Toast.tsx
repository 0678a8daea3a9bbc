import { Icon, type IconName } from './Icon.js';

/** A short message over the current screen (an unreadable barcode, a loyalty card). */
export function Toast({
  icon,
  title,
  text,
  testId,
}: {
  icon: IconName;
  title: string;
  text?: string;
  testId?: string;
}) {
  return (
    <div className="toast" role="status" data-testid={testId}>
      <span className="toast-icon">
        <Icon name={icon} />
      </span>
      <span className="toast-body">
        <strong>{title}</strong>
        {text !== undefined ? <span>{text}</span> : null}
      </span>
    </div>
  );
}
