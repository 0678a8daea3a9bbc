/**
 * three.js, @react-three/fiber and drei are a large download for something most shoppers never
 * open: they live in their own chunk, fetched when a 3D view or a 3D attract slide first shows.
 */
import { lazy } from 'react';

const loadStage = () => import('./ModelStage.js');

export const ModelStage = lazy(() => loadStage().then((m) => ({ default: m.ModelStage })));
