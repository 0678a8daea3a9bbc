export { ModelSpotlight, type ModelSpotlightProps } from './ModelSpotlight.js';
export { ModelViewer, type ModelViewerProps } from './ModelViewer.js';
export { ProductModelViewer } from './ProductModelViewer.js';
export { ViewIn3dButton } from './ViewIn3dButton.js';
export { modelOf } from './model-media.js';
export { webglAvailable } from './webgl.js';
