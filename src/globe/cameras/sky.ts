/**
 * The sky in the views that show the horizon. The map views draw no sky (a dark background is
 * calmer, and cheap); the follow and damage cameras show the horizon at the top, so the background
 * turns to a daylight blue there (the flight was in the morning, local time), and the cockpit, where
 * the horizon is the subject, also gets Cesium's sky atmosphere and fog (they cost frames on a weak
 * GPU, so only there; fog also spares the tiles towards the horizon).
 */
import { Color, SkyAtmosphere, type Scene } from 'cesium';

const DAY_BACKGROUND = Color.fromCssColorString('#7d9cbc');

export class Sky {
  private atmosphere: SkyAtmosphere | null = null;
  private readonly mapBackground: Color;

  constructor(private readonly scene: Scene) {
    this.mapBackground = Color.clone(scene.backgroundColor);
  }

  set(view: 'map' | 'horizon' | 'cockpit'): void {
    const cockpit = view === 'cockpit';
    if (cockpit && !this.atmosphere) {
      this.atmosphere = new SkyAtmosphere();
      this.scene.skyAtmosphere = this.atmosphere;
    }
    if (this.atmosphere) this.atmosphere.show = cockpit;
    // Fog fades the distance towards the horizon and lets Cesium skip the far tiles it hides.
    this.scene.fog.enabled = cockpit;
    this.scene.backgroundColor = view === 'map' ? this.mapBackground : DAY_BACKGROUND;
    this.scene.requestRender();
  }
}
