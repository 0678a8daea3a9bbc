import type { ESLint, Rule } from 'eslint';

export type Layer =
  'shared' | 'kiosk-config' | 'runtime' | 'host' | 'electron' | 'renderer' | 'server' | 'scripts' | 'test';
export declare function layerOf(relativePath: string): Layer | null;
export declare const allowedLayers: Record<Layer, Layer[] | null>;
export declare const layersRule: Rule.RuleModule;
declare const plugin: ESLint.Plugin;
export default plugin;
