/**
 * What speech says about an element: its accessible name, role, states and entry, and whether the
 * entry is secret. This is the part of WAI-ARIA's accessible name computation (accname 1.2) the
 * kiosk's own markup uses: aria-labelledby, aria-label, <label>, alt and text content, with
 * aria-hidden subtrees skipped. The full algorithm lives in libraries (axe-core,
 * dom-accessibility-api) that are too heavy for the shopper's first download or not a dependency.
 *
 * Secrets are marked in the markup: `data-speech-mask="value"` on a field (or around it) keeps
 * its entry unspoken, `data-speech-mask="all"` on a control that gives the entry away (a PIN key)
 * keeps the whole control unspoken; password inputs count as `value`.
 */
import type { ControlDescription } from './speech-service.js';

export type SpeechWord =
  | 'role.button'
  | 'role.link'
  | 'role.textField'
  | 'role.checkbox'
  | 'role.switch'
  | 'role.radio'
  | 'role.tab'
  | 'role.dialog'
  | 'state.pressed'
  | 'state.checked'
  | 'state.notChecked'
  | 'state.on'
  | 'state.off'
  | 'state.selected'
  | 'state.unavailable'
  | 'state.invalid';

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Text of a subtree as a screen reader would read it: no aria-hidden parts, images by their alt. */
export function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true' || node instanceof HTMLStyleElement) return '';
  if (node instanceof HTMLImageElement) return node.alt;
  const label = node.getAttribute('aria-label');
  if (label !== null && label.trim() !== '') return ` ${label} `;
  let text = '';
  for (const child of node.childNodes) text += textOf(child);
  // Block boxes end a phrase (a line break, which names collapse to a space and summaries read
  // as a pause); without it "Vela Runner" and "€49.95" would run together.
  const display = node.ownerDocument.defaultView?.getComputedStyle(node).display ?? 'inline';
  return display === 'inline' ? text : `\n${text}\n`;
}

function byIds(element: Element, attribute: string): string | null {
  const ids = element.getAttribute(attribute);
  if (ids === null) return null;
  const text = ids
    .split(/\s+/)
    .map((id) => element.ownerDocument.getElementById(id))
    .filter((target) => target !== null)
    .map((target) => textOf(target))
    .join(' ');
  return collapse(text) === '' ? null : collapse(text);
}

export function accessibleName(element: Element): string {
  const labelled = byIds(element, 'aria-labelledby');
  if (labelled !== null) return labelled;
  const label = element.getAttribute('aria-label');
  if (label !== null && label.trim() !== '') return collapse(label);
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    // A field's own entry is its value, not its name: label text only.
    const labels = [...(element.labels ?? [])].map((l) => textOfLabel(l, element)).join(' ');
    if (collapse(labels) !== '') return collapse(labels);
    return collapse(element.getAttribute('title') ?? element.placeholder);
  }
  const text = collapse(textOf(element));
  return text !== '' ? text : collapse(element.getAttribute('title') ?? '');
}

/** A label's text without the field inside it and without error text described separately. */
function textOfLabel(label: HTMLLabelElement, field: Element): string {
  let text = '';
  for (const child of label.childNodes) {
    if (child === field || (child instanceof Element && child.contains(field))) continue;
    if (
      child instanceof Element &&
      child.id !== '' &&
      field.getAttribute('aria-describedby')?.includes(child.id)
    )
      continue;
    text += textOf(child);
  }
  return text;
}

function roleOf(element: Element): string | null {
  const explicit = element.getAttribute('role');
  if (explicit !== null) return explicit.split(/\s+/)[0] ?? null;
  if (element instanceof HTMLButtonElement) return 'button';
  if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) return 'link';
  if (element instanceof HTMLTextAreaElement) return 'textbox';
  if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox') return 'checkbox';
    if (element.type === 'radio') return 'radio';
    if (['button', 'submit', 'reset'].includes(element.type)) return 'button';
    return 'textbox';
  }
  return null;
}

const roleWords: Partial<Record<string, SpeechWord>> = {
  button: 'role.button',
  link: 'role.link',
  textbox: 'role.textField',
  searchbox: 'role.textField',
  checkbox: 'role.checkbox',
  switch: 'role.switch',
  radio: 'role.radio',
  menuitemradio: 'role.radio',
  tab: 'role.tab',
  dialog: 'role.dialog',
  alertdialog: 'role.dialog',
};

function statesOf(element: Element, role: string | null, word: (key: SpeechWord) => string): string[] {
  const states: string[] = [];
  const aria = (name: string): string | null => element.getAttribute(`aria-${name}`);
  const checked =
    element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')
      ? String(element.checked)
      : aria('checked');
  if (role === 'switch') states.push(word(checked === 'true' ? 'state.on' : 'state.off'));
  else if (checked === 'true') states.push(word('state.checked'));
  else if (checked === 'false' && (role === 'checkbox' || role === 'radio'))
    states.push(word('state.notChecked'));
  if (aria('pressed') === 'true') states.push(word('state.pressed'));
  if (aria('selected') === 'true' || aria('current') === 'true' || aria('current') === 'page')
    states.push(word('state.selected'));
  if (aria('disabled') === 'true' || (element as Partial<HTMLButtonElement>).disabled === true)
    states.push(word('state.unavailable'));
  if (aria('invalid') === 'true') states.push(word('state.invalid'));
  return states;
}

export function maskOf(element: Element): ControlDescription['masked'] {
  const marked = element.closest('[data-speech-mask]')?.getAttribute('data-speech-mask');
  if (marked === 'all') return 'all';
  if (marked === 'value' || (element instanceof HTMLInputElement && element.type === 'password'))
    return 'value';
  return 'none';
}

export function describeElement(element: Element, word: (key: SpeechWord) => string): ControlDescription {
  const role = roleOf(element);
  const roleWord = role === null ? undefined : roleWords[role];
  const isField =
    element instanceof HTMLTextAreaElement || (element instanceof HTMLInputElement && role === 'textbox');
  return {
    name: accessibleName(element),
    role: roleWord === undefined ? null : word(roleWord),
    states: statesOf(element, role, word),
    value: isField ? element.value : null,
    masked: maskOf(element),
  };
}
