// The diagnosis evaluation grid: every fault family × topology delivery × mesh kind × seeds, with hit rates per cell.
import { FAMILIES, Family } from './faults';
import { Delivery } from './pairs';
import { MeshKind } from './probing';
import { Outcome, runScenario } from './run';
import { MeshScenario, makeScenario } from './scenario';

export const DELIVERIES: Delivery[] = ['labels', 'query', 'none'];
export const MESHES: MeshKind[] = ['full', 'pingmesh', 'kneighbour', 'passive', 'breach-only'];

export interface GridOptions {
  seeds: number;
  minHosts: number;
  maxHosts: number;
  families?: readonly Family[];
  deliveries?: Delivery[];
  meshes?: MeshKind[];
  /** Called per run (progress, failures). */
  onRun?: (s: MeshScenario, o: Outcome) => void;
}

export interface Cell {
  family: Family;
  delivery: Delivery;
  mesh: MeshKind;
  runs: number;
  hits: number;
  /** Runs with at least one culprit the panel could name (the rest can only be judged on false lines). */
  detectable: number;
  falseLines: number;
  hosts: number[];
  ms: number[];
}

export function evaluateGrid(o: GridOptions): Cell[] {
  const cells: Cell[] = [];
  for (const family of o.families ?? FAMILIES) {
    for (const delivery of o.deliveries ?? DELIVERIES) {
      for (const mesh of o.meshes ?? MESHES) {
        // pingmesh-agent's series carry no topology labels (only its own `tor`): breach-only meets topology by query.
        if (delivery === 'labels' && mesh === 'breach-only') {
          continue;
        }
        const cell: Cell = {
          family,
          delivery,
          mesh,
          runs: 0,
          hits: 0,
          detectable: 0,
          falseLines: 0,
          hosts: [],
          ms: [],
        };
        for (let seed = 1; seed <= o.seeds; seed++) {
          // Every second run has background noise on top of the fault (healthy and noise are noise already).
          const background = seed % 2 === 0 && family !== 'healthy' && family !== 'noise';
          const s = makeScenario({
            family,
            delivery,
            mesh,
            seed,
            background,
            minHosts: o.minHosts,
            maxHosts: o.maxHosts,
          });
          const out = runScenario(s);
          cell.runs++;
          cell.hits += out.verdict.hit ? 1 : 0;
          cell.detectable += out.verdict.detectable > 0 ? 1 : 0;
          cell.falseLines +=
            out.verdict.falseCandidates > 0 || (s.fault.truths.length === 0 && out.verdict.culpritLines > 0) ? 1 : 0;
          cell.hosts.push(s.topo.hosts.length);
          cell.ms.push(out.ms);
          o.onRun?.(s, out);
        }
        cells.push(cell);
      }
    }
  }
  return cells;
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${Math.round((100 * a) / b)} %`);

/**
 * Hit rate per family (rows) × delivery / mesh (columns), as a Markdown table; `visible` is how many runs had a
 * culprit the panel could see (the rest are judged on false lines only), `false lines` how many named a culprit
 * that is not one.
 */
export function table(cells: Cell[]): string {
  const families = [...new Set(cells.map((c) => c.family))];
  const cols = [...new Set(cells.map((c) => `${c.delivery}/${c.mesh}`))];
  const head = `| family | ${cols.join(' | ')} | all | visible | false lines |`;
  const sep = `|---|${cols.map(() => '---').join('|')}|---|---|---|`;
  const rows = families.map((f) => {
    const mine = cells.filter((c) => c.family === f);
    const byCol = cols.map((k) => {
      const c = mine.find((x) => `${x.delivery}/${x.mesh}` === k)!;
      return `${c.hits}/${c.runs}`;
    });
    const sum = (k: 'hits' | 'runs' | 'detectable' | 'falseLines') => mine.reduce((s, c) => s + c[k], 0);
    const runs = sum('runs');
    return `| ${f} | ${byCol.join(' | ')} | ${pct(sum('hits'), runs)} | ${sum('detectable')}/${runs} | ${sum('falseLines')} |`;
  });
  return [head, sep, ...rows].join('\n');
}
