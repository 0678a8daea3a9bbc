/**
 * The part of Electron's API the shell uses, written out narrowly. The shell's modules take these
 * instead of importing `electron`, so tests can hand them the shared fake
 * (test/support/fake-electron.ts); main.ts hands them the real module, and the compiler checks
 * there, against Electron's own electron.d.ts, that the real objects fit every signature here.
 * Event methods return `unknown` rather than `this` so that a fake need not be a whole WebContents.
 */
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  Display,
  DownloadItem,
  Event,
  ForkOptions,
  HandlerDetails,
  Input,
  IpcMain,
  ProcessMetric,
  Rectangle,
  RenderProcessGoneDetails,
  ResizeOptions,
  Session,
  Settings,
  Size,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WebPreferences,
  WindowOpenHandlerResponse,
} from 'electron';

/** A captured page (Electron's NativeImage, as far as screenshots go). */
export interface Picture {
  toPNG(): Buffer;
  resize(options: ResizeOptions): Picture;
  getSize(): Size;
  isEmpty(): boolean;
}

export interface ShellContents {
  readonly id: number;
  on(
    event: 'will-navigate',
    listener: (event: Event<WebContentsWillNavigateEventParams>, url: string) => void,
  ): unknown;
  on(
    event: 'will-redirect',
    listener: (event: Event<WebContentsWillRedirectEventParams>, url: string) => void,
  ): unknown;
  on(
    event: 'will-attach-webview',
    listener: (event: Event, webPreferences: WebPreferences, params: Record<string, string>) => void,
  ): unknown;
  on(event: 'before-input-event', listener: (event: Event, input: Input) => void): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: Event, details: RenderProcessGoneDetails) => void,
  ): unknown;
  on(event: 'did-finish-load' | 'devtools-opened', listener: () => void): unknown;
  on(event: 'zoom-changed', listener: (event: Event, direction: 'in' | 'out') => void): unknown;
  on(event: 'did-navigate', listener: (event: Event, url: string) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  setZoomFactor(factor: number): void;
  loadURL(url: string): Promise<void>;
  getURL(): string;
  insertCSS(css: string): Promise<string>;
  removeInsertedCSS(key: string): Promise<void>;
  capturePage(): Promise<Picture>;
  closeDevTools(): void;
  /** Ends a hung renderer, so that it can be loaded afresh. */
  forcefullyCrashRenderer(): void;
  getOSProcessId(): number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface ShellWindow {
  readonly webContents: ShellContents;
  on(event: 'unresponsive' | 'responsive' | 'closed' | 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  removeMenu(): void;
  setBounds(bounds: Partial<Rectangle>): void;
  isDestroyed(): boolean;
  destroy(): void;
}

/** What main needs of the utility process the runtime runs in (Electron's UtilityProcess). */
export interface ShellChildProcess {
  readonly pid: number | undefined;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  postMessage(message: unknown): void;
  kill(): boolean;
}

export interface ShellSession {
  setPermissionRequestHandler: Session['setPermissionRequestHandler'];
  setPermissionCheckHandler: Session['setPermissionCheckHandler'];
  setDevicePermissionHandler: Session['setDevicePermissionHandler'];
  setDisplayMediaRequestHandler: Session['setDisplayMediaRequestHandler'];
  on(
    event: 'will-download',
    listener: (event: Event, item: Pick<DownloadItem, 'cancel' | 'getURL'>) => void,
  ): unknown;
}

/** The electron module, as far as the shell goes. */
export interface ShellElectron {
  app: {
    readonly isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<void>;
    on(event: 'second-instance' | 'window-all-closed', listener: () => void): unknown;
    on(event: 'before-quit', listener: (event: Event) => void): unknown;
    on(event: 'web-contents-created', listener: (event: Event, contents: ShellContents) => void): unknown;
    getAppMetrics(): ProcessMetric[];
    getVersion(): string;
    setLoginItemSettings(settings: Settings): void;
    relaunch(): void;
    exit(exitCode?: number): void;
    quit(): void;
  };
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => ShellWindow;
  Menu: { setApplicationMenu(menu: null): void };
  screen: {
    getAllDisplays(): Display[];
    getPrimaryDisplay(): Display;
    on(
      event: 'display-added' | 'display-removed',
      listener: (event: Event, display: Display) => void,
    ): unknown;
  };
  session: { readonly defaultSession: ShellSession };
  protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  net: { fetch(input: string, init?: RequestInit): Promise<Response> };
  powerSaveBlocker: {
    start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
    stop(id: number): boolean;
    isStarted(id: number): boolean;
  };
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  utilityProcess: { fork(modulePath: string, args?: string[], options?: ForkOptions): ShellChildProcess };
}
