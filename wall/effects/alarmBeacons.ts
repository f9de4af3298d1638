// Alarm beacons as a maplibre custom layer: three.js draws into the map's own WebGL context with
// the map's camera, so pillars stand in the 3D scene with the buildings. The map repaints
// continuously only while a beacon stands; with none, this layer costs nothing per frame.
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { Camera, Scene, WebGLRenderer } from 'three';
import { pillarGlow, ringStates } from './beaconPulse.ts';
import { Beacon, createBeaconKit, disposeBeaconKit, pulseKit, type BeaconKit } from './beaconMeshes.ts';
import { beaconChanges, type BeaconSite } from './beaconSites.ts';

export const ALARM_BEACONS_LAYER_ID = 'alarm-beacons';

export class AlarmBeaconsLayer implements CustomLayerInterface {
  readonly id = ALARM_BEACONS_LAYER_ID;
  readonly type = 'custom';
  readonly renderingMode = '3d';
  private map: MapLibreMap | null = null;
  private renderer: WebGLRenderer | null = null;
  private readonly scene = new Scene();
  private readonly camera = new Camera();
  private kit: BeaconKit | null = null;
  private readonly beacons = new Map<string, Beacon>();

  /** Puts up beacons over these sites and takes down the others. */
  show(sites: readonly BeaconSite[]): void {
    const { added, removed } = beaconChanges(this.beacons.keys(), sites);
    if (added.length === 0 && removed.length === 0) return;
    for (const id of removed) {
      const beacon = this.beacons.get(id);
      if (beacon) this.scene.remove(beacon.group);
      this.beacons.delete(id);
    }
    for (const site of added) {
      this.kit ??= createBeaconKit();
      const beacon = new Beacon(this.kit, site.position);
      this.beacons.set(site.compoundId, beacon);
      this.scene.add(beacon.group);
    }
    if (this.beacons.size === 0) this.releaseKit();
    this.map?.triggerRepaint();
  }

  /** Compounds that have a beacon now. */
  shown(): string[] {
    return [...this.beacons.keys()];
  }

  onAdd(map: MapLibreMap, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    this.map = map;
    this.renderer = new WebGLRenderer({ canvas: map.getCanvas(), context: gl as WebGL2RenderingContext });
    // The map has drawn everything below; three.js must add to it, never clear it.
    this.renderer.autoClear = false;
  }

  onRemove(): void {
    this.show([]);
    this.renderer?.dispose();
    this.renderer = null;
    this.map = null;
  }

  render(gl: WebGLRenderingContext | WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const { renderer, kit, map } = this;
    if (!renderer || !kit || !map || this.beacons.size === 0) return;
    const now = performance.now();
    const rings = ringStates(now);
    pulseKit(kit, pillarGlow(now), rings);
    for (const beacon of this.beacons.values()) beacon.pulse(rings);
    this.camera.projectionMatrix.fromArray(options.defaultProjectionData.mainMatrix);
    // three.js and maplibre share the context: each must find the GL state as it expects.
    renderer.resetState();
    renderer.setViewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
    renderer.render(this.scene, this.camera);
    renderer.resetState();
    map.triggerRepaint();
  }

  private releaseKit(): void {
    if (this.kit) disposeBeaconKit(this.kit);
    this.kit = null;
  }
}
