/**
 * The sky in the views that show the horizon. The map views draw no sky (a dark background is
 * calmer, and cheap); the follow and damage cameras show the horizon at the top, so the background
 * turns to a daylight blue there (the flight was in the morning, local time), and the cockpit, where
 * the horizon is the subject, also gets Cesium's sky atmosphere and fog (they cost frames on a weak
 * GPU, so only there; fog also spares the tiles towards the horizon).
 */
import { Color, SkyAtmosphere, type Scene } from 'cesium';

const DAY_BACKGROUND = Color.fromCssColorString('#7d9cbc');
/**
 * How dense the fog looks (Cesium's default 0.15 greys out the ground from about 20 km at cruise
 * heights, so the cockpit showed a grey plane): the map stays readable for the first 50–80 km and
 * fades towards the horizon. The culling of far tiles uses Cesium's density, which is unchanged.
 */
const COCKPIT_FOG_VISUAL = 0.04;

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
    this.scene.fog.visualDensityScalar = COCKPIT_FOG_VISUAL;
    this.scene.backgroundColor = view === 'map' ? this.mapBackground : DAY_BACKGROUND;
    this.scene.requestRender();
  }
}
