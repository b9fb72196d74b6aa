import { hostIdentity } from '../model/hostId';

/**
 * Raw label → axis name. Module level on purpose: the model keeps this function (source.hostOf), and a closure made
 * inside the build generator would share the generator's context — every raw pair of the build.
 */
function nameHost(alias: Map<string, string>, prefix: string, label: string): string {
  // A destination prefix (kubenurse's path_) is not part of the host; source values never carry it.
  const host = hostIdentity(prefix !== '' && label.startsWith(prefix) ? label.slice(prefix.length) : label);
  return alias.get(host) ?? host;
}

/** A bound host namer: what the model keeps (see nameHost). */
export function hostNamer(alias: Map<string, string>, prefix = ''): (label: string) => string {
  return nameHost.bind(undefined, alias, prefix);
}

/** Hosts of one build: raw label → dense id, through the axis name (port stripped, topology alias applied). */
export class HostTable {
  readonly names: string[] = [];
  private ids = new Map<string, number>();
  private byLabel = new Map<string, number>();
  // Table rows come sorted by labels, so one side repeats for long runs: remember the last label seen.
  private lastLabel = '';
  private lastId = -1;

  constructor(private readonly nameOf: (label: string) => string) {}

  /** The id of the host a raw label names; -1 when it names none (only spaces: no row of its own). */
  idOf(label: string): number {
    if (label === this.lastLabel) {
      return this.lastId;
    }
    let id = this.byLabel.get(label);
    if (id === undefined) {
      id = this.intern(this.nameOf(label));
      this.byLabel.set(label, id);
    }
    this.lastLabel = label;
    this.lastId = id;
    return id;
  }

  private intern(name: string): number {
    if (name === '') {
      return -1;
    }
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}

/**
 * `hostOf` for one label column read row after row, skipping the label → id map where it can: a table holds its pairs
 * in order (Prometheus sorts series by their labels), so one side repeats for a run of rows and the other goes through
 * the same hosts in the same order run after run. This remembers each id's successor and the label it came from; a
 * row whose label equals the predicted one (equal text: the same label, so the same id) costs a comparison, not a
 * hashed lookup (~30 ms of a million-row build). Any other row asks `hostOf`.
 */
export function followIds(hostOf: (label: string) => number): (label: string) => number {
  let last = -1;
  let lastLabel: string | undefined;
  const next: number[] = [];
  const labelOf: string[] = [];
  return (label) => {
    if (label === lastLabel) {
      return last;
    }
    const predicted = last >= 0 ? next[last] : undefined;
    let id: number;
    if (predicted !== undefined && predicted >= 0 && labelOf[predicted] === label) {
      id = predicted;
    } else {
      id = hostOf(label);
      if (id >= 0) {
        labelOf[id] = label;
      }
    }
    if (last >= 0) {
      next[last] = id;
    }
    last = id;
    lastLabel = label;
    return id;
  };
}
