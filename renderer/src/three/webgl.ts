/**
 * Whether this screen can draw WebGL at all, asked once without loading three.js: a kiosk whose
 * GPU is blocklisted or whose browser runs with 3D APIs off gets the product photo straight away
 * instead of a download that cannot render.
 */
let known: boolean | undefined;

export function webglAvailable(): boolean {
  if (known !== undefined) return known;
  try {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    known = context !== null;
    // Give the context back at once: browsers cap live contexts, and the viewer makes its own.
    context?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    known = false;
  }
  return known;
}
