// The three.js objects of the alarm beacons: a glowing pillar (a wide halo round a bright core,
// both fading upwards) and rings spreading on the ground. Geometries and materials are shared
// by every beacon (they pulse together) and created while at least one beacon stands.
import {
  AdditiveBlending,
  BufferAttribute,
  Color,
  CylinderGeometry,
  DoubleSide,
  Group,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  RingGeometry,
  Vector3,
} from 'three';
import { MercatorCoordinate } from 'maplibre-gl';
import type { LngLat } from '../../geo/packIndex.ts';
import { RING_COUNT, type RingState } from './beaconPulse.ts';

const BEACON_COLOR = new Color(1, 0.22, 0.12);
/** Metres: a beacon must stand well above the tallest towers (87 m) seen from across the room. */
const HALO = { height: 420, foot: 26, top: 10 };
const CORE = { height: 400, foot: 7, top: 3 };

/** An open cylinder standing on the origin whose colour fades to black (nothing, when added) at the top. */
function fadingColumn({ height, foot, top }: typeof HALO): CylinderGeometry {
  const geometry = new CylinderGeometry(top, foot, height, 24, 8, true);
  geometry.translate(0, height / 2, 0);
  const positions = geometry.getAttribute('position');
  const colors = new Float32Array(positions.count * 3);
  for (let i = 0; i < positions.count; i++) {
    const fade = (1 - positions.getY(i) / height) ** 1.6;
    colors.set([BEACON_COLOR.r * fade, BEACON_COLOR.g * fade, BEACON_COLOR.b * fade], i * 3);
  }
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  return geometry;
}

/**
 * Light added over the scene, never hidden by the buildings: an alarm must not be missed. Drawn in
 * one pass: three.js would draw a transparent double-sided mesh twice (back faces, then front
 * faces), flagging its material for a new shader program before each pass, every frame; added
 * light without a depth test comes out the same in any order.
 */
function glowMaterial(options: ConstructorParameters<typeof MeshBasicMaterial>[0]): MeshBasicMaterial {
  return new MeshBasicMaterial({
    transparent: true,
    blending: AdditiveBlending,
    depthTest: false,
    depthWrite: false,
    side: DoubleSide,
    forceSinglePass: true,
    ...options,
  });
}

export interface BeaconKit {
  halo: CylinderGeometry;
  core: CylinderGeometry;
  ring: RingGeometry;
  haloMaterial: MeshBasicMaterial;
  coreMaterial: MeshBasicMaterial;
  ringMaterials: MeshBasicMaterial[];
}

export function createBeaconKit(): BeaconKit {
  // A unit ring in the model's ground plane (x–z; y is up before the site's rotation).
  const ring = new RingGeometry(0.8, 1, 64).rotateX(-Math.PI / 2);
  return {
    halo: fadingColumn(HALO),
    core: fadingColumn(CORE),
    ring,
    haloMaterial: glowMaterial({ vertexColors: true, opacity: 0.55 }),
    coreMaterial: glowMaterial({ vertexColors: true, opacity: 1 }),
    ringMaterials: Array.from({ length: RING_COUNT }, () => glowMaterial({ color: BEACON_COLOR, opacity: 0 })),
  };
}

export function disposeBeaconKit(kit: BeaconKit): void {
  for (const geometry of [kit.halo, kit.core, kit.ring]) geometry.dispose();
  for (const material of [kit.haloMaterial, kit.coreMaterial, ...kit.ringMaterials]) material.dispose();
}

/** One pulse for every beacon: the shared materials' opacities. */
export function pulseKit(kit: BeaconKit, glow: number, rings: readonly RingState[]): void {
  kit.haloMaterial.opacity = 0.55 * glow;
  kit.coreMaterial.opacity = glow;
  rings.forEach((ring, i) => {
    const material = kit.ringMaterials[i];
    if (material) material.opacity = ring.opacity;
  });
}

/**
 * Model (metres, y up) → maplibre's mercator world (units of the whole world, z up, y south):
 * translate to the site, scale metres to mercator units with y flipped, turn y up into z up.
 */
export function siteMatrix(position: LngLat): Matrix4 {
  const origin = MercatorCoordinate.fromLngLat(position, 0);
  const metre = origin.meterInMercatorCoordinateUnits();
  return new Matrix4()
    .makeTranslation(origin.x, origin.y, origin.z ?? 0)
    .scale(new Vector3(metre, -metre, metre))
    .multiply(new Matrix4().makeRotationX(Math.PI / 2));
}

export class Beacon {
  readonly group = new Group();
  private readonly rings: Mesh[];

  constructor(kit: BeaconKit, position: LngLat) {
    this.group.matrixAutoUpdate = false;
    this.group.matrix.copy(siteMatrix(position));
    this.rings = kit.ringMaterials.map((material) => new Mesh(kit.ring, material));
    this.group.add(new Mesh(kit.halo, kit.haloMaterial), new Mesh(kit.core, kit.coreMaterial), ...this.rings);
    // The camera is maplibre's matrix, not a three.js frustum: culling would guess wrong.
    this.group.traverse((object) => (object.frustumCulled = false));
  }

  /** Sets the rings' radii (metres) for this frame. */
  pulse(rings: readonly RingState[]): void {
    rings.forEach((ring, i) => this.rings[i]?.scale.set(ring.radius, 1, ring.radius));
  }
}
