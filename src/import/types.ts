/**
 * What every track reader (src/import/formats/*) returns: the fixes of a file in SI units, as read,
 * with what the file says about the flight and how its altitudes are meant. Pure data; no DOM.
 * src/import/toScenario.ts turns it into a scenario.
 */

/** The formats the importer recognises (detected from the content; the file name is only a hint). */
export type TrackFormat =
  | 'fr24-csv'
  | 'fr24-kml'
  | 'flightaware-kml'
  | 'gx-track-kml'
  | 'kml'
  | 'readsb-json'
  | 'opensky-csv'
  | 'traffic-csv'
  | 'gpx'
  | 'igc'
  | 'czml'
  | 'geojson'
  | 'scenario';

export type PointProvenance = 'measured' | 'reported' | 'inferred';

/** One fix. Times are epoch milliseconds UTC; positions WGS84 degrees; altitude metres; rates SI. */
export interface TrackPoint {
  timeMs: number;
  lat: number;
  lon: number;
  /** Metres (see ParsedTrack.altitude for which altitude); null when the file has none for this fix. */
  altitudeM: number | null;
  /** The file says the aircraft is on the ground (readsb "ground", OpenSky onground, FR24 altitude 0 with speed). */
  onGround?: boolean;
  groundSpeedMps?: number;
  /** Track over ground, degrees true 0..360. */
  trackDeg?: number;
  verticalRateMps?: number;
  /** Only files written by flightrecon carry this (its own exports); other files' fixes are measured. */
  provenance?: PointProvenance;
  /** Only flightrecon's own exports: how the altitude is known, when it differs from the position. */
  altitudeProvenance?: PointProvenance;
  /** Only flightrecon's own exports: corridor half-width (m) of a reconstructed sample. */
  halfWidthM?: number;
}

/** A continuous piece of a flight (readsb traces mark new legs; GPX has several trk/trkseg). */
export interface TrackLeg {
  /** Sorted by time, strictly increasing (duplicates removed by the reader, which says so in notes). */
  points: TrackPoint[];
  /** What the file calls it, if anything ("Leg 2", a trk name). */
  label?: string;
}

/** A named point in the file (FlightAware airports, GPX waypoints, KML placemarks that are not the track). */
export interface FilePlace {
  name: string;
  lat: number;
  lon: number;
  kind: 'airport' | 'waypoint';
  icao?: string;
  iata?: string;
}

/** A time-tagged note in the file (flightrecon's own exports: the steps; otherwise rarely present). */
export interface FileEvent {
  timeMs: number;
  title: string;
  text?: string;
  lat?: number;
  lon?: number;
}

export interface AltitudeMeaning {
  /** barometric: pressure altitude (1013.25 hPa, as ADS-B reports it); gnss: GPS height (IGC, GPX, geom_alt); unknown. */
  kind: 'barometric' | 'gnss' | 'unknown';
  /** Above mean sea level / the geoid, or above the WGS84 ellipsoid (CZML), or unknown. */
  datum: 'msl' | 'ellipsoid' | 'unknown';
  /** Units as read in the file. */
  unit: 'ft' | 'm';
  /** One plain sentence for the source entry, e.g. "Barometric altitude in feet (1013.25 hPa), converted to metres." */
  note: string;
}

export interface ParsedTrack {
  format: TrackFormat;
  /** Human name of the format, e.g. "Flightradar24 CSV". */
  formatName: string;
  /** At least one leg with at least one point. */
  legs: TrackLeg[];
  altitude: AltitudeMeaning;
  callsign?: string;
  registration?: string;
  icao24?: string;
  aircraftType?: string;
  flightNumber?: string;
  /** Departure / destination as the file names them (ICAO/IATA code or name). */
  from?: string;
  to?: string;
  places: FilePlace[];
  events: FileEvent[];
  /** Things the reader did that the user should know: "12 fixes with validity V skipped", "3 duplicate timestamps dropped". */
  notes: string[];
}

/**
 * A file that cannot be read. The message says what is wrong and where, in words a reader
 * understands: `line 14: latitude "91.2" is out of range (-90..90)`, `<gx:Track> 2: 5 <when> but 4 <gx:coord>`.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    /** "line 14", "<Placemark> 3", "trace[52]" — also part of the message. */
    readonly where?: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

/** A reader: recognises its format from the content and parses it. */
export interface TrackReader {
  format: TrackFormat;
  formatName: string;
  /**
   * How sure the reader is that this is its format, 0..1, from the first 64 KiB of text (and the
   * file name as a weak hint). Cheap: no full parse.
   */
  sniff(head: string, fileName?: string): number;
  /** Parses the whole text; throws ImportError. `progress(fraction)` may be called while parsing large files. */
  parse(text: string, progress?: (fraction: number) => void): ParsedTrack;
}

export const FT = 0.3048;
export const KT = 1852 / 3600;
export const FPM = FT / 60;
