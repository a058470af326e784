/**
 * XML plumbing shared by the KML and GPX readers, and the checks every reader in this folder applies
 * to its fixes. Readers run in a Web Worker, which has no DOMParser, and in Node: XML is parsed with
 * @xmldom/xmldom. For the long point lists of KML tracks there is a fast scanner (cutBulkElements):
 * xmldom takes about 9 s to build the DOM of a 20 MB gx:Track, togeojson another 15 s.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { ImportError, type TrackLeg, type TrackPoint } from '../types';

export type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';

/** Line and column (1-based) of an offset in the text, counted as xmldom counts them. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function notWellFormed(line: number | undefined, column: number | undefined, message: string): ImportError {
  const at = line ? `line ${line}${column ? `, column ${column}` : ''}` : 'the start';
  return new ImportError(`XML is not well-formed at ${at}: ${message}`, line ? `line ${line}` : undefined);
}

/**
 * Parses XML with xmldom. Any error (not only the fatal ones: xmldom goes on after "errors" and builds a
 * guessed tree) becomes an ImportError naming xmldom's line and column. `xmlns` pre-declares prefixes
 * that files use without declaring them (KML's gx:, which Google Earth tolerates undeclared).
 */
export function parseXml(text: string, xmlns?: Record<string, string>): Document {
  let first: { message: string; line?: number; column?: number } | undefined;
  const parser = new DOMParser({
    locator: true,
    xmlns,
    onError(level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) {
      if (level === 'warning') return;
      first ??= { message, line: context?.locator?.lineNumber, column: context?.locator?.columnNumber };
      throw new Error('stop'); // xmldom turns it into a ParseError, caught below
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'text/xml');
  } catch (e) {
    if (first) throw notWellFormed(first.line || undefined, first.column, first.message);
    throw notWellFormed(undefined, undefined, e instanceof Error ? e.message : String(e));
  }
  if (!doc.documentElement) throw notWellFormed(undefined, undefined, 'no root element');
  return doc;
}

// ---------------------------------------------------------------------------------------------------
// DOM helpers (xmldom). Names are matched by local name, whatever the prefix: KML writers use gx:,
// kml: or none for the same elements.

export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

/** Direct child elements, optionally only those with this local name. */
export function childElements(el: Element | Document, localName?: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && (localName === undefined || c.localName === localName)) out.push(c);
  }
  return out;
}

export function childElement(el: Element, localName: string): Element | undefined {
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c) && c.localName === localName) return c;
  return undefined;
}

/** Trimmed text of the first child element with this local name, or undefined. */
export function childText(el: Element, localName: string): string | undefined {
  const c = childElement(el, localName);
  return c ? (c.textContent ?? '').trim() : undefined;
}

/** All descendants with this local name, in document order. */
export function descendants(el: Element | Document, localName: string): Element[] {
  return Array.from(el.getElementsByTagNameNS('*', localName));
}

export function closest(el: Element, localName: string): Element | undefined {
  for (let p = el.parentNode; p; p = p.parentNode) if (isElement(p) && p.localName === localName) return p;
  return undefined;
}

export function lineOf(node: Node): number | undefined {
  return (node as Node & { lineNumber?: number }).lineNumber;
}

// ---------------------------------------------------------------------------------------------------
// Fast path for bulk elements (gx:Track, gx:SimpleArrayData): a small tokenizer reads their content
// directly from the text and the DOM gets them empty.

const TAG = /<(\/?)([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex: string, dec: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[name.toLowerCase()] ?? ''),
  );
}

export function attributeOf(rawAttributes: string, name: string): string | undefined {
  for (const m of rawAttributes.matchAll(ATTR)) if (m[1] === name || m[1]?.endsWith(`:${name}`)) return decodeEntities(m[2] ?? m[3] ?? '');
  return undefined;
}

const localOf = (qname: string) => qname.slice(qname.indexOf(':') + 1);

/** What the scanner reports from inside a bulk element; depth 1 = its children. */
export interface BulkVisitor {
  open?(localName: string, rawAttributes: string, offset: number, depth: number): void;
  /** An element without child elements (its text with CDATA unwrapped, comments removed, entities decoded). */
  leaf(localName: string, text: string, offset: number, depth: number): void;
  close?(localName: string, depth: number): void;
}

/** Text of an element without child elements: comments dropped, CDATA unwrapped, entities decoded. */
function leafText(raw: string): string {
  if (!raw.includes('<')) return decodeEntities(raw);
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const lt = raw.indexOf('<', i);
    if (lt === -1) {
      out += decodeEntities(raw.slice(i));
      break;
    }
    out += decodeEntities(raw.slice(i, lt));
    if (raw.startsWith('<![CDATA[', lt)) {
      const end = raw.indexOf(']]>', lt);
      out += raw.slice(lt + 9, end);
      i = end + 3;
    } else if (raw.startsWith('<!--', lt)) i = raw.indexOf('-->', lt) + 3;
    else i = raw.indexOf('?>', lt) + 2;
  }
  return out;
}

/** Skips `<!--…-->`, `<![CDATA[…]]>`, `<?…?>`, `<!…>` at `lt`; returns the offset after it or -1 if `lt` is a tag. */
function skipSpecial(text: string, lt: number): number {
  if (text.charCodeAt(lt + 1) === 33 /* ! */) {
    const [close, open] = text.startsWith('<!--', lt) ? ['-->', 4] : text.startsWith('<![CDATA[', lt) ? [']]>', 9] : ['>', 2];
    const end = text.indexOf(close as string, lt + (open as number));
    if (end === -1) throw notWellFormed(positionAt(text, lt).line, positionAt(text, lt).column, `unclosed ${text.slice(lt, lt + 4)}`);
    return end + (close as string).length;
  }
  if (text.charCodeAt(lt + 1) === 63 /* ? */) {
    const end = text.indexOf('?>', lt);
    if (end === -1) throw notWellFormed(positionAt(text, lt).line, positionAt(text, lt).column, 'unclosed <?');
    return end + 2;
  }
  return -1;
}

/** Reads the content of the element whose start tag ends at `from`; returns the offset of its end tag. */
function scanContent(text: string, from: number, name: string, visitor: BulkVisitor): { endTag: number; after: number } {
  const stack: { name: string; contentStart: number; hasChild: boolean }[] = [{ name, contentStart: from, hasChild: true }];
  let i = from;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      const open = stack[stack.length - 1] as { name: string };
      const at = positionAt(text, text.length);
      throw notWellFormed(at.line, at.column, `<${open.name}> is not closed`);
    }
    const skipped = skipSpecial(text, lt);
    if (skipped !== -1) {
      i = skipped;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(text);
    if (!m) {
      const at = positionAt(text, lt);
      throw notWellFormed(at.line, at.column, `malformed tag ${JSON.stringify(text.slice(lt, lt + 20))}`);
    }
    const [whole, slash, qname = '', rawAttributes = '', selfClosing] = m;
    i = lt + whole.length;
    const top = stack[stack.length - 1] as { name: string; contentStart: number; hasChild: boolean };
    if (slash) {
      if (qname !== top.name) {
        const at = positionAt(text, lt);
        throw notWellFormed(at.line, at.column, `</${qname}> closes <${top.name}>`);
      }
      stack.pop();
      const depth = stack.length;
      if (depth === 0) return { endTag: lt, after: i };
      const local = localOf(qname);
      if (!top.hasChild) visitor.leaf(local, leafText(text.slice(top.contentStart, lt)), top.contentStart, depth);
      visitor.close?.(local, depth);
      continue;
    }
    top.hasChild = true;
    const local = localOf(qname);
    visitor.open?.(local, rawAttributes, lt, stack.length);
    if (selfClosing) {
      visitor.leaf(local, '', lt, stack.length);
      visitor.close?.(local, stack.length);
    } else stack.push({ name: qname, contentStart: i, hasChild: false });
  }
}

/** Whitespace with the newlines of text[from, to) and as many spaces as its last line is long. */
function blank(text: string, from: number, to: number): string {
  let newlines = 0;
  let lastNewline = -1;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
    newlines++;
    lastNewline = i;
  }
  return newlines ? '\n'.repeat(newlines) + ' '.repeat(to - lastNewline - 1) : ' '.repeat(to - from);
}

const ELEMENT_START = /<!--|<!\[CDATA\[|<\?|<!|<((?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))(?=[\s/>])/g;

/**
 * Finds the elements with these local names (not nested in one another), hands their content to the
 * visitor that `visit` returns for each, in document order, and returns the text with their content
 * replaced by whitespace of the same lines and last-line length, so that xmldom still reports the
 * right line and column for everything else and its DOM has the same elements, empty.
 */
export function cutBulkElements(
  text: string,
  localNames: ReadonlySet<string>,
  visit: (localName: string, offset: number, rawAttributes: string) => BulkVisitor,
): string {
  const pieces: string[] = [];
  let copied = 0;
  const re = new RegExp(ELEMENT_START.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[1]) {
      const after = skipSpecial(text, m.index);
      re.lastIndex = after === -1 ? m.index + 1 : after;
      continue;
    }
    if (!localNames.has(m[2] as string)) continue;
    TAG.lastIndex = m.index;
    const tag = TAG.exec(text);
    if (!tag) {
      const at = positionAt(text, m.index);
      throw notWellFormed(at.line, at.column, `malformed tag ${JSON.stringify(text.slice(m.index, m.index + 20))}`);
    }
    const visitor = visit(m[2] as string, m.index, tag[3] ?? '');
    const contentStart = m.index + tag[0].length;
    if (tag[4]) {
      re.lastIndex = contentStart;
      continue;
    }
    const { endTag, after } = scanContent(text, contentStart, m[1], visitor);
    pieces.push(text.slice(copied, contentStart), blank(text, contentStart, endTag));
    copied = endTag;
    re.lastIndex = after;
  }
  if (copied === 0) return text;
  pieces.push(text.slice(copied));
  return pieces.join('');
}

// ---------------------------------------------------------------------------------------------------
// Checks and leg building shared by the readers of this folder (GeoJSON included).

/** Highest and lowest altitudes a fix can have (m): below the Dead Sea shore, above any balloon. */
export const ALTITUDE_RANGE_M = [-1000, 100_000] as const;

/** Where a value sits ("<trkpt> 7", "features[0].geometry.coordinates[5]") and, when known, its line. */
export interface At {
  where: string;
  line?: number;
}

/** `<trkpt> 7: lat "91.5" is out of range (-90..90) (line 40)`. */
export function fail(at: At | string, problem: string): ImportError {
  const a = typeof at === 'string' ? { where: at } : at;
  return new ImportError(`${a.where}: ${problem}${a.line ? ` (line ${a.line})` : ''}`, a.line ? `line ${a.line}` : a.where);
}

/** Checks a position; `texts` are the values as written (for the message), `long` names them latitude/longitude. */
export function checkLatLon(lat: number, lon: number, at: At | string, texts: { lat?: string; lon?: string; long?: boolean } = {}): void {
  const [latName, lonName] = texts.long ? ['latitude', 'longitude'] : ['lat', 'lon'];
  const latText = texts.lat ?? String(lat);
  const lonText = texts.lon ?? String(lon);
  if (!Number.isFinite(lat)) throw fail(at, `${latName} "${latText}" is not a number`);
  if (!Number.isFinite(lon)) throw fail(at, `${lonName} "${lonText}" is not a number`);
  if (lat < -90 || lat > 90) throw fail(at, `${latName} "${latText}" is out of range (-90..90)`);
  if (lon < -180 || lon > 180) throw fail(at, `${lonName} "${lonText}" is out of range (-180..180)`);
}

export function checkAltitude(altM: number, at: At | string, text = String(altM)): void {
  if (!Number.isFinite(altM)) throw fail(at, `altitude "${text}" is not a number`);
  if (altM < ALTITUDE_RANGE_M[0] || altM > ALTITUDE_RANGE_M[1]) {
    throw fail(at, `altitude ${text} m is out of range (${ALTITUDE_RANGE_M[0]}..${ALTITUDE_RANGE_M[1]} m)`);
  }
}

/** Ground speed (m/s) a fix can have: 0 up to well beyond any aircraft. */
export function checkSpeed(mps: number, at: At | string, text = String(mps)): void {
  if (!Number.isFinite(mps) || mps < 0 || mps > 1500) throw fail(at, `speed "${text}" is impossible (0..1500 m/s)`);
}

export function checkTrack(deg: number, at: At | string, text = String(deg)): void {
  if (!Number.isFinite(deg) || deg < 0 || deg > 360) throw fail(at, `track "${text}" is out of range (0..360°)`);
}

/**
 * Sorts the points by time (stable) and drops exact duplicate times keeping the first; says so in notes.
 * `what` names the leg in the notes ("<gx:Track> 2").
 */
export function finishLeg(points: TrackPoint[], notes: string[], what: string, label?: string): TrackLeg {
  let sorted = true;
  for (let i = 1; i < points.length; i++) {
    if ((points[i] as TrackPoint).timeMs < (points[i - 1] as TrackPoint).timeMs) {
      sorted = false;
      break;
    }
  }
  const ordered = sorted
    ? points
    : points
        .map((p, i) => ({ p, i }))
        .sort((a, b) => a.p.timeMs - b.p.timeMs || a.i - b.i)
        .map((x) => x.p);
  if (!sorted) notes.push(`${what}: the fixes were not in time order; sorted by time.`);
  const out: TrackPoint[] = [];
  let duplicates = 0;
  for (const p of ordered) {
    if (out.length && (out[out.length - 1] as TrackPoint).timeMs === p.timeMs) duplicates++;
    else out.push(p);
  }
  if (duplicates) {
    notes.push(`${what}: ${duplicates} fix${duplicates === 1 ? '' : 'es'} with a duplicate timestamp dropped (the first fix of each time kept).`);
  }
  return label ? { points: out, label } : { points: out };
}

/** Flight identifiers in a free title such as "J28243/AHY8243" or "FlightAware ✈ AHY8243 4K-AZ65". */
export function identifiersIn(title: string | undefined): { callsign?: string; flightNumber?: string; registration?: string; icao24?: string } {
  const out: { callsign?: string; flightNumber?: string; registration?: string; icao24?: string } = {};
  for (const token of (title ?? '').split(/[\s/,;|()[\]✈]+/)) {
    // Case matters: "AFR1234" is a callsign, "Aéroport" or "track" are words. N-numbers before flight
    // numbers ("N724R" would pass for one); hex addresses last ("AF1234" is a flight number, not an address).
    if (!out.registration && ((/^[A-Z0-9]{1,2}-[A-Z0-9]{2,5}$/.test(token) && /[A-Z]/.test(token)) || /^N[1-9]\d{0,4}[A-Z]{0,2}$/.test(token)))
      out.registration = token;
    else if (!out.callsign && /^[A-Z]{3}\d{1,4}[A-Z]{0,2}$/.test(token)) out.callsign = token;
    else if (!out.flightNumber && /^(?:[A-Z]\d|\d[A-Z]|[A-Z]{2})\d{1,4}[A-Z]?$/.test(token)) out.flightNumber = token;
    else if (!out.icao24 && /^[0-9A-F]{6}$/i.test(token) && /\d/.test(token) && /[A-F]/i.test(token)) out.icao24 = token.toLowerCase();
  }
  return out;
}

/** Whether the file name ends with one of these extensions (small sniff bonus). */
export function hasExtension(fileName: string | undefined, ...extensions: string[]): boolean {
  const lower = fileName?.toLowerCase() ?? '';
  return extensions.some((e) => lower.endsWith(`.${e}`));
}
