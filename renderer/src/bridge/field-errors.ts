/**
 * The runtime refuses bad call arguments with one message naming each field
 * (`session.reserve: contact.email: enter an email address…; name: enter your name`, see
 * shared/protocol/validate.ts). This splits it back into per-field messages for a form.
 */
export function fieldErrors(call: string, message: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = message.startsWith(`${call}:`) ? message.slice(call.length + 1) : message;
  for (const part of body.split(/;\s+/)) {
    const match = /^\s*([\w.[\]]+|\(message\)):\s*(.+)$/s.exec(part);
    if (match === null) continue;
    const path = match[1] ?? '';
    const text = (match[2] ?? '').trim();
    if (!out.has(path)) out.set(path, text.charAt(0).toUpperCase() + text.slice(1));
  }
  return out;
}
