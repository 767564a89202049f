import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parse } from 'yaml';
import { ESO_CHART, RELOADER_CHART } from '../../lib/helm/charts';

function upstreamChart(folder: string): { version: string; appVersion: string; name: string } {
  return parse(readFileSync(resolve(__dirname, '../../../shared/upstream', folder, 'chart-Chart.yaml'), 'utf8'));
}

describe('pinned charts', () => {
  test('the ESO constants match the upstream Chart.yaml the values are checked against', () => {
    // GIVEN
    const chart = upstreamChart('external-secrets');
    // THEN
    expect(ESO_CHART).toMatchObject({ name: chart.name, version: chart.version, appVersion: chart.appVersion });
    expect(ESO_CHART.repository).toBe('https://charts.external-secrets.io');
  });

  test('the Reloader constants match the upstream Chart.yaml', () => {
    // GIVEN
    const chart = upstreamChart('reloader');
    // THEN
    expect(RELOADER_CHART).toMatchObject({ name: chart.name, version: String(chart.version), appVersion: chart.appVersion });
    expect(RELOADER_CHART.repository).toBe('https://stakater.github.io/stakater-charts');
  });
});
