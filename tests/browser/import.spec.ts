/**
 * Opening real flight data in the page, on one loaded page: compare a real track over the AZAL
 * reconstruction, a broken file that keeps what is shown, exports read again (and CZML by Cesium's
 * own reader), a drop on the page, the leg chooser, the progress bar, an imported flight's picture.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectCleanRun, openApp, openProfileChart, saveScreenshot, state } from './support';

const DIR = 'tests/fixtures/tracks';
const fixture = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');

/** Opens text as a file through the API; resolves with the state or the error's message. */
function openText(page: Page, name: string, text: string, options: { compare?: boolean; leg?: number | 'all' } = {}) {
  return page.evaluate(
    async ([n, t, o]) => {
      try {
        return { ok: true as const, state: await window.flightrecon.openFile(new File([t], n), o), summary: window.flightrecon.trackSummary() };
      } catch (err) {
        return { ok: false as const, message: (err as Error).message };
      }
    },
    [name, text, options] as const,
  );
}

function exportText(page: Page, format: string): Promise<string> {
  return page.evaluate(async (f) => (await window.flightrecon.exportData(f)).text(), format);
}

test.describe('real flight data', () => {
  test('open, compare, export, re-open, drop, choose a leg; a broken file keeps the flight', async ({ page }, info) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    const watch = await openApp(page, '?step=first-impact');
    const azal = await page.evaluate(() => ({ summary: window.flightrecon.trackSummary(), steps: window.flightrecon.steps().map((s) => s.id) }));
    expect(azal.summary.format).toBe('scenario');
    expect(azal.summary.points).toBeGreaterThan(1000);

    // Compare: a Flightradar24 CSV over the reconstruction, its own colour, legend row and chart line.
    const compared = await openText(page, 'AHY8243-fr24.csv', fixture('fr24.csv'), { compare: true });
    expect(compared.ok, compared.ok ? '' : compared.message).toBe(true);
    if (!compared.ok) return;
    expect(compared.state.scenario.id).toBe('azal-8243');
    expect(compared.summary.comparisons).toHaveLength(1);
    expect(compared.summary.comparisons[0]!.label).toBe('Flightradar24 CSV: AHY8243-fr24.csv');
    const row = page.locator('.legend-compare-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('AHY8243-fr24.csv');
    await openProfileChart(page);
    await expect(page.getByTestId('profile-chart')).toContainText('AHY8243-fr24.csv');
    await page.evaluate(() => window.flightrecon.goToStep('off-block'));
    await page.evaluate(() => window.flightrecon.settled());
    await saveScreenshot(page, 'import-compare', info);

    // A broken file through the button's input: a message naming the line; the flight and the comparison stay.
    await page
      .getByTestId('scenario-file')
      .setInputFiles({ name: 'lat-91.csv', mimeType: 'text/csv', buffer: Buffer.from(fixture('fr24.csv').replace(/"40\.4[0-9]+,/, '"91.2,')) });
    const notice = page.getByTestId('notices').locator('.notice-error').last();
    await expect(notice).toContainText('"lat-91.csv" could not be opened');
    await expect(notice).toContainText(/line 2: latitude 91\.2/);
    await expect(notice).toContainText('The flight shown stays loaded');
    let s = await state(page);
    expect(s.scenario.id).toBe('azal-8243');
    expect((await page.evaluate(() => window.flightrecon.trackSummary())).comparisons).toHaveLength(1);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    // Removing the compared track from the legend.
    await row.locator('.legend-compare-remove').click();
    await expect(page.locator('.legend-compare-row')).toHaveCount(0);

    // Exports: CZML read by Cesium's own CzmlDataSource; the scenario file opens to the same samples and steps.
    const czml = await exportText(page, 'czml');
    const read = await page.evaluate((t) => window.flightrecon.debug!.readCzml(t), czml);
    expect(read.ids).toContain('track');
    expect(read.ids.filter((id) => id.startsWith('step-')).length).toBe(azal.steps.length);
    expect(read.start).toBe(azal.summary.start);
    expect(read.stop).toBe(azal.summary.end);
    const kml = await exportText(page, 'kml');
    expect(kml).toContain('<gx:Tour>');
    const geojson = JSON.parse(await exportText(page, 'geojson')) as { type: string; features: unknown[] };
    expect(geojson.type).toBe('FeatureCollection');
    const scenarioJson = await exportText(page, 'scenario');
    const reopened = await openText(page, 'azal-export.json', scenarioJson);
    expect(reopened.ok && reopened.summary.points).toBe(azal.summary.points);
    expect(await page.evaluate(() => window.flightrecon.steps().map((x) => x.id))).toEqual(azal.steps);
    const fromKml = await openText(page, 'azal-export.kml', kml);
    expect(fromKml.ok, fromKml.ok ? '' : fromKml.message).toBe(true);
    if (fromKml.ok) {
      expect(fromKml.summary.format).toBe('gx-track-kml');
      expect(fromKml.summary.start).toBe(azal.summary.start);
      expect(fromKml.summary.end).toBe(azal.summary.end);
      expect(fromKml.summary.points).toBeGreaterThanOrEqual(azal.summary.points);
    }
    const fromCzml = await openText(page, 'azal-export.czml', czml);
    expect(fromCzml.ok && fromCzml.summary.format).toBe('czml');

    // Drag and drop: the drop target shows while a file is over the page; dropped on "Open", it is shown.
    const gpx = fixture('gpx11.gpx');
    const dt = await page.evaluateHandle((t) => {
      const d = new DataTransfer();
      d.items.add(new File([t], 'morning-flight.gpx', { type: 'application/gpx+xml' }));
      return d;
    }, gpx);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await page.dispatchEvent('body', 'dragover', { dataTransfer: dt, clientX: 200, clientY: 300 });
    await expect(page.getByTestId('drop-target')).toBeVisible();
    await expect(page.getByTestId('drop-target')).toContainText('Compare');
    await saveScreenshot(page, 'import-drop-target', info);
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt, clientX: 200, clientY: 300 });
    await expect(page.getByTestId('drop-target')).toBeHidden();
    // This GPX has two track segments: the reader is asked, and takes both.
    await page.getByTestId('leg-chooser').locator('[data-leg="all"]').click();
    await expect(page.getByTestId('notices')).toContainText('Opened "morning-flight.gpx" (GPX');
    s = await state(page);
    expect(s.scenario.title).toContain('2024-09-21');
    expect((await page.evaluate(() => window.flightrecon.trackSummary())).format).toBe('gpx');

    // A readsb trace with two legs through the file input: the reader picks one.
    await page
      .getByTestId('scenario-file')
      .setInputFiles({ name: 'trace_full_600c0a.json', mimeType: 'application/json', buffer: Buffer.from(fixture('readsb-trace_full.json')) });
    const chooser = page.getByTestId('leg-chooser');
    await expect(chooser).toBeVisible();
    await expect(chooser.locator('.leg-button')).toHaveCount(3);
    await saveScreenshot(page, 'import-leg-chooser', info);
    await chooser.locator('[data-leg="1"]').click();
    await expect(chooser).toBeHidden();
    await expect(page.getByTestId('notices')).toContainText('Opened "trace_full_600c0a.json"');
    const leg2 = await page.evaluate(() => window.flightrecon.trackSummary());
    expect(leg2.legs).toBe(2);
    expect(leg2.format).toBe('readsb-json');
    const all = await openText(page, 'trace_full_600c0a.json', fixture('readsb-trace_full.json'));
    expect(all.ok && all.summary.points).toBeGreaterThan(leg2.points);

    // A file over 1 MB shows its progress while the worker reads it.
    const rows = ['Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction'];
    for (let i = 0; i < 22_000; i++) {
      const t = 1735098840 + i * 4;
      rows.push(
        `${t},${new Date(t * 1000).toISOString().slice(0, 19)}Z,TEST1,"${(40.45 + i * 2e-5).toFixed(5)},${(50.05 + i * 2e-5).toFixed(5)}",${Math.min(i * 20, 35000)},${i ? 420 : 10},45`,
      );
    }
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: boolean };
      w.progressSeen = false;
      new MutationObserver(() => {
        if (!document.querySelector<HTMLElement>('[data-testid="import-progress"]')!.hidden) w.progressSeen = true;
      }).observe(document.querySelector('[data-testid="import-progress"]')!, { attributes: true });
    });
    const big = await openText(page, 'long-flight.csv', rows.join('\n'));
    expect(big.ok && big.summary.points).toBeGreaterThan(20_000);
    expect(await page.evaluate(() => (window as unknown as { progressSeen: boolean }).progressSeen)).toBe(true);
    await expect(page.getByTestId('import-progress')).toBeHidden();

    // An imported flight as a reader sees it: its take-off, detected from the data.
    const fr24 = await openText(page, 'AHY8243-fr24.csv', fixture('fr24.csv'));
    expect(fr24.ok).toBe(true);
    const takeoff = await page.evaluate(() => window.flightrecon.goToStep('takeoff'));
    expect(takeoff.step?.caption).toContain('Detected from the data in "AHY8243-fr24.csv"');
    await page.evaluate(() => window.flightrecon.settled());
    await expect(page.getByTestId('caption')).toContainText('Flightradar24 CSV');
    await saveScreenshot(page, 'import-fr24-takeoff', info);
    expectCleanRun(watch);
  });
});
