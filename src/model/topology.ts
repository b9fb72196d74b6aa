import { splitLabels } from './presets';

export interface LevelSpec {
  /** Shown name and the suffix of the pair labels `src_<name>` / `dst_<name>`. */
  name: string;
  /** Label read from topology-query series. */
  label: string;
}

export const UNKNOWN_GROUP = 'unknown';

/** `region, zone=label_topology_kubernetes_io_zone` → levels. */
export function parseLevels(spec: string): LevelSpec[] {
  return splitLabels(spec).map((part) => {
    const eq = part.indexOf('=');
    return eq > 0 ? { name: part.slice(0, eq).trim(), label: part.slice(eq + 1).trim() } : { name: part, label: part };
  });
}
