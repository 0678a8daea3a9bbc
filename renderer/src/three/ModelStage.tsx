/**
 * The 3D stage (its own chunk, see lazy-stage.ts): a glTF model, framed and lit, turning by
 * itself until touched. One finger turns it, two pinch to zoom (OrbitControls); a few seconds
 * after the last touch it turns again. Lighting is a room environment built on the GPU from
 * three's RoomEnvironment, never one of drei's presets: those download HDR files from a CDN the
 * kiosk may not reach and its CSP does not allow.
 */
import { Bounds, Center, ContactShadows, OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useLoader, useThree } from '@react-three/fiber';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Box3, PMREMGenerator, TextureLoader, Vector3 } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';

export interface ModelStageProps {
  /** A glTF/GLB URL the host serves (`/media/…`). */
  src: string;
  /** Touch to turn and pinch to zoom (the product's 3D view); otherwise it only turns (attract). */
  interactive: boolean;
  /** What the canvas shows, for screen readers. */
  label: string;
  /** The model is on screen. */
  onReady: () => void;
  /** The GPU took the context away (driver reset, too many contexts): show the photo instead. */
  onLost: () => void;
}

/** Seconds without a touch before the model starts turning by itself again. */
const IDLE_SECONDS = 4;

export function ModelStage({ src, interactive, label, onReady, onLost }: ModelStageProps) {
  const [idle, setIdle] = useState(true);
  // Turning by itself is motion nobody asked for: off for those who ask the system for less.
  const [still] = useState(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  const resume = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      window.clearTimeout(resume.current);
    },
    [],
  );
  // The loader keeps every model it parsed, and every failure: a kiosk that runs for weeks lets
  // both go when the view closes, so memory stays flat and a model fetched since can load next time.
  useEffect(
    () => () => {
      useLoader.clear(GLTFLoader, src);
    },
    [src],
  );
  return (
    <Canvas
      className="model-canvas"
      dpr={[1, 1.5]}
      camera={{ position: [1.1, 0.7, 2], fov: 32, near: 0.01, far: 100 }}
      aria-label={label}
      role="img"
      onCreated={({ gl }) => {
        gl.domElement.addEventListener('webglcontextlost', (event) => {
          event.preventDefault();
          onLost();
        });
      }}
    >
      <RoomLighting />
      <directionalLight position={[2, 4, 3]} intensity={1.1} />
      <Suspense fallback={null}>
        <Product src={src} interactive={interactive} />
        <Ready onReady={onReady} />
      </Suspense>
      <OrbitControls
        makeDefault
        enablePan={false}
        enableRotate={interactive}
        enableZoom={interactive}
        enableDamping
        autoRotate={!still && (idle || !interactive)}
        autoRotateSpeed={interactive ? 1.4 : 2.2}
        minDistance={0.9}
        maxDistance={5}
        minPolarAngle={0.25}
        maxPolarAngle={Math.PI / 2 - 0.04}
        onStart={() => {
          window.clearTimeout(resume.current);
          setIdle(false);
        }}
        onEnd={() => {
          window.clearTimeout(resume.current);
          resume.current = window.setTimeout(() => {
            setIdle(true);
          }, IDLE_SECONDS * 1000);
        }}
      />
    </Canvas>
  );
}

/**
 * The model, scaled so its longest side is one unit (feeds mix metres and centimetres), standing
 * on the floor at the centre, with a soft contact shadow under it; Bounds frames the camera on it.
 */
function Product({ src, interactive }: { src: string; interactive: boolean }) {
  const gltf = useLoader(GLTFLoader, src, texturesAsImages);
  // A copy: the loader caches one scene per URL, and a scene can only be in one place at a time.
  const { scene, scale } = useMemo(() => {
    const copy = gltf.scene.clone(true);
    const size = new Box3().setFromObject(copy).getSize(new Vector3());
    return { scene: copy, scale: 1 / Math.max(size.x, size.y, size.z, 1e-6) };
  }, [gltf]);
  return (
    <>
      <Bounds fit clip observe margin={interactive ? 1.3 : 1.25} maxDuration={0.5}>
        <Center top>
          <primitive object={scene} scale={scale} />
        </Center>
      </Bounds>
      <ContactShadows
        position={[0, 0, 0]}
        scale={2.2}
        far={1}
        blur={2.6}
        opacity={0.42}
        resolution={512}
        frames={1}
      />
    </>
  );
}

/**
 * Embedded textures as <img> elements rather than ImageBitmaps: GLTFLoader's ImageBitmapLoader
 * fetch()es the blob: URL it makes for each embedded image, which the page's CSP (connect-src
 * 'self') refuses, while an <img> of a blob: URL is allowed (img-src blob:). Loading them this way
 * keeps the CSP as it is. A plugin runs with the parser before it reads anything.
 */
function texturesAsImages(loader: GLTFLoader): void {
  loader.register((parser) => {
    parser.textureLoader = new TextureLoader(parser.options.manager);
    return { name: 'vitrine_textures_as_images' };
  });
}

/** Tells the page once the model has been drawn (two frames: the first may precede the upload). */
function Ready({ onReady }: { onReady: () => void }) {
  const frames = useRef(0);
  useFrame(() => {
    frames.current += 1;
    if (frames.current === 2) onReady();
  });
  return null;
}

function RoomLighting() {
  const gl = useThree((state) => state.gl);
  const texture = useMemo(() => {
    const pmrem = new PMREMGenerator(gl);
    const room = new RoomEnvironment();
    const map = pmrem.fromScene(room, 0.04).texture;
    room.dispose();
    pmrem.dispose();
    return map;
  }, [gl]);
  useEffect(
    () => () => {
      texture.dispose();
    },
    [texture],
  );
  return <primitive object={texture} attach="environment" />;
}
