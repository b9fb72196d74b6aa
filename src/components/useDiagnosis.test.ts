import { createTheme } from '@grafana/data';
import { renderHook, waitFor } from '@testing-library/react';

import { buildMatrix } from '../ingest';
import { DEFAULT_SLA_CONFIG } from '../model/sla';
import { mesh, tableFrame } from '../model/testFrames';
import { DEFAULT_MODEL_OPTIONS } from '../options/defaults';
import { classifyModel } from '../view/view';
import { DIAGNOSE_SYNC_CELLS, useDiagnosis } from './useDiagnosis';
import { withNodeMessageChannel } from '../util/testSlices';

const theme = createTheme();
const HOSTS = Array.from({ length: 40 }, (_, i) => `h${String(i).padStart(2, '0')}`);
const sla = { ...DEFAULT_SLA_CONFIG, mode: 'scopes' as const };
/** A mesh where one host is slow to and from everyone: the diagnosis names it. */
function judged(slow: string, hosts = HOSTS) {
  const frames = [tableFrame(mesh(hosts, (s, d) => (s === slow || d === slow ? 40 : 0.2)))];
  const model = buildMatrix({ frames, options: { ...DEFAULT_MODEL_OPTIONS, inputUnit: 'ms' }, theme }).model!;
  return { model, classified: classifyModel(model, sla) };
}

describe('useDiagnosis', () => {
  withNodeMessageChannel();

  it('names the culprit at once for a small matrix', () => {
    const { model, classified } = judged('h07');
    const { result } = renderHook(() => useDiagnosis(model, classified, true));
    expect(result.current.pending).toBe(false);
    expect(result.current.entries[0].text).toContain('h07');
  });

  // The matrix first: above DIAGNOSE_SYNC_CELLS (a 1,000-host mesh's 1 M cells) the diagnosis follows the draw.
  it('diagnoses a matrix over DIAGNOSE_SYNC_CELLS after the render that draws it', async () => {
    const hosts = Array.from({ length: 520 }, (_, i) => `h${String(i).padStart(3, '0')}`);
    const { model, classified } = judged('h007', hosts);
    expect(model.rows.length * model.cols.length).toBeGreaterThan(DIAGNOSE_SYNC_CELLS);
    const { result } = renderHook(() => useDiagnosis(model, classified, true));
    expect(result.current.pending).toBe(true);
    expect(result.current.entries).toEqual([]);
    await waitFor(() => expect(result.current.pending).toBe(false), { timeout: 20_000 });
    expect(result.current.entries[0].text).toContain('h007');
  }, 60_000);

  // Broke: at 4,080 hosts the diagnosis' pass over 16 M cells ran inside the draw's task (~150 ms of it).
  it('diagnoses a huge matrix in slices, the previous diagnosis (and its words) shown meanwhile', async () => {
    const first = judged('h07');
    const { result, rerender } = renderHook(
      (p: ReturnType<typeof judged>) => useDiagnosis(p.model, p.classified, true, 0),
      {
        initialProps: first,
      }
    );
    expect(result.current).toMatchObject({ diagnosis: undefined, entries: [], pending: true });
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(result.current.entries[0].text).toContain('h07');

    rerender(judged('h31'));
    expect(result.current.pending).toBe(true);
    expect(result.current.entries[0].text).toContain('h07');
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(result.current.entries[0].text).toContain('h31');
    expect(result.current.entries[0].text).not.toContain('h07');
  });
});
