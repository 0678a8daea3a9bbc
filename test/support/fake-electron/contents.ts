/** A kiosk window and its WebContents: what the shell did to them, and the events Electron emits. */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Input,
  Rectangle,
  WindowOpenHandlerResponse,
} from 'electron';
import type { ShellContents, ShellWindow } from '../../../main/electron/electron-api.js';
import { fakeEvent, FakeImage } from './events.js';
import type { FakeIpc } from './ipc.js';

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter implements ShellContents {
  readonly id = nextContentsId++;
  readonly loads: string[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly css = new Map<string, string>();
  zoomFactor: number | undefined;
  visualZoomLimits: [number, number] | undefined;
  devToolsClosed = 0;
  crashedOnPurpose = 0;
  destroyed = false;
  pid = 4000 + this.id;
  /** What `capturePage` returns; small by default, as encoding noise is slow. */
  picture = new FakeImage(320, 180);
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  private url = '';
  private cssKeys = 0;

  constructor(private readonly ipc?: FakeIpc) {
    super();
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void> {
    this.visualZoomLimits = [minimumLevel, maximumLevel];
    return Promise.resolve();
  }
  setZoomFactor(factor: number): void {
    this.zoomFactor = factor;
  }
  /** Loads at once and, like Chromium, finishes on a later turn; a page's inserted CSS goes with it. */
  loadURL(url: string): Promise<void> {
    this.url = url;
    this.loads.push(url);
    this.css.clear();
    return new Promise((resolve) => {
      setImmediate(() => {
        if (this.url === url && !this.destroyed) this.emit('did-finish-load');
        resolve();
      });
    });
  }
  getURL(): string {
    return this.url;
  }
  insertCSS(css: string): Promise<string> {
    const key = `css-${String(++this.cssKeys)}`;
    this.css.set(key, css);
    return Promise.resolve(key);
  }
  removeInsertedCSS(key: string): Promise<void> {
    this.css.delete(key);
    return Promise.resolve();
  }
  capturePage(): Promise<FakeImage> {
    return Promise.resolve(this.picture);
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  forcefullyCrashRenderer(): void {
    this.crashedOnPurpose++;
    this.crash('killed');
  }
  getOSProcessId(): number {
    return this.pid;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    this.ipc?.deliverToPage(channel, ...args);
  }

  // What Electron would emit.

  /** A navigation of the main frame to `url`: true when the shell let it happen. */
  navigate(url: string): boolean {
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('will-navigate', event, url);
    return !event.defaultPrevented;
  }
  redirect(url: string): boolean {
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame: true, frame: null });
    this.emit('will-redirect', event, url);
    return !event.defaultPrevented;
  }
  /** `window.open(url)` from the page: the shell's answer. */
  open(url: string): WindowOpenHandlerResponse {
    if (this.windowOpenHandler === undefined)
      throw new Error('no window open handler: Electron would allow it');
    return this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'default' },
    });
  }
  /** A `<webview>` about to attach: true when the shell let it. */
  attachWebview(src: string): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }
  /** A key press: true when the page gets it. */
  press(key: string, modifiers: Partial<Pick<Input, 'control' | 'alt' | 'meta' | 'shift'>> = {}): boolean {
    const event = fakeEvent();
    const input = {
      type: 'keyDown',
      key,
      code: key,
      control: false,
      alt: false,
      meta: false,
      shift: false,
      ...modifiers,
    };
    this.emit('before-input-event', event, input);
    return !event.defaultPrevented;
  }
  crash(reason: 'crashed' | 'oom' | 'killed' | 'clean-exit' = 'crashed'): void {
    this.pid += 100;
    this.emit('render-process-gone', fakeEvent(), { reason, exitCode: reason === 'clean-exit' ? 0 : 139 });
  }
  zoom(direction: 'in' | 'out'): boolean {
    const event = fakeEvent();
    this.emit('zoom-changed', event, direction);
    return !event.defaultPrevented;
  }
  openDevTools(): void {
    this.emit('devtools-opened');
  }
}

export class FakeWindow extends EventEmitter implements ShellWindow {
  readonly webContents: FakeWebContents;
  shown = false;
  menuRemoved = false;
  destroyed = false;
  focused = 0;
  bounds: Partial<Rectangle>;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    ipc?: FakeIpc,
  ) {
    super();
    this.webContents = new FakeWebContents(ipc);
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused++;
  }
  removeMenu(): void {
    this.menuRemoved = true;
  }
  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}
